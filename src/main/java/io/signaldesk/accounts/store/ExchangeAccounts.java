package io.signaldesk.accounts.store;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The exchange and paper accounts. */
public interface ExchangeAccounts extends ListCrudRepository<ExchangeAccount, Long> {

    List<ExchangeAccount> findByUserIdOrderByExchange(long userId);

    Optional<ExchangeAccount> findByUserIdAndExchange(long userId, String exchange);

    @Query("select * from exchange_account order by id")
    List<ExchangeAccount> findAllInOrder();
}
