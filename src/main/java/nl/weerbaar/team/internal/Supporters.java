package nl.weerbaar.team.internal;

import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

public interface Supporters extends ListCrudRepository<Supporter, UUID> {
}
