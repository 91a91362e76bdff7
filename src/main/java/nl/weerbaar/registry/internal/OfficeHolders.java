package nl.weerbaar.registry.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface OfficeHolders extends ListCrudRepository<OfficeHolder, UUID> {
}
