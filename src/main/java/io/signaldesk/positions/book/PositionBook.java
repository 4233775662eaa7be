package io.signaldesk.positions.book;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The positions. Set-based reads and writes (the mark of many positions at once) go through {@code JdbcClient} beside it. */
public interface PositionBook extends ListCrudRepository<Position, Long> {

    @Query("select * from position where user_id = :userId and status = 'OPEN' order by number")
    List<Position> openOf(long userId);

    Optional<Position> findByUserIdAndNumber(long userId, int number);

    /** The next running number of a user's positions (1 for their first). */
    @Query("select coalesce(max(number), 0) + 1 from position where user_id = :userId")
    int nextNumber(long userId);
}
