package nl.weerbaar.security.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.PagingAndSortingRepository;

public interface Accounts extends ListCrudRepository<Account, UUID>, PagingAndSortingRepository<Account, UUID> {

	Optional<Account> findByUsername(String username);

	boolean existsByUsername(String username);

	Page<Account> findAllByOrderByUsername(Pageable pageable);
}
