package io.signaldesk.accounts.store;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The exchange and paper accounts. */
public interface ExchangeAccounts extends ListCrudRepository<ExchangeAccount, Long> {

    List<ExchangeAccount> findByUserIdOrderByExchange(long userId);

    Optional<ExchangeAccount> findByUserIdAndExchange(long userId, String exchange);

    @Query("select * from exchange_account order by id")
    List<ExchangeAccount> findAllInOrder();

    /**
     * The account's key was replaced by its present owner: the row no longer holds what came with it at {@code /link}, so
     * {@code /unlink} must not give it back ({@code linked_from_user_id}, not mapped in {@link ExchangeAccount}).
     */
    @Modifying
    @Query("update exchange_account set linked_from_user_id = null where id = :id")
    void forgetLinkOrigin(long id);
}
