package nl.weerbaar.intake.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.SupportRequestView;
import nl.weerbaar.privacy.PersonalDataSource;
import nl.weerbaar.privacy.SubjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Intake's part of a person's data export: the requests about them (an office holder's include those their home front
 * shares with them), as the person would see them, without the coordinators' working notes.
 */
@Component
class IntakePersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;
	private final RequestStore store;
	private final FirstContactDeadlines deadlines;

	IntakePersonalData(JdbcClient jdbc, RequestStore store, FirstContactDeadlines deadlines) {
		this.jdbc = jdbc;
		this.store = store;
		this.deadlines = deadlines;
	}

	@Override
	public String section() {
		return "intake";
	}

	/** A person's requests are sealed under keys of their own; erasing the person erases the requests about them. */
	@Override
	public List<SubjectId> dependents(SubjectId subject) {
		return jdbc.sql("select id from support_request where subject_id = ?")
			.param(subject.value())
			.query(UUID.class)
			.list()
			.stream()
			.map(SubjectId::new)
			.toList();
	}

	@Override
	public Map<String, Object> export(SubjectId subject) {
		// a home-front member's request goes into the office holder's export only while the member shares it
		List<UUID> ids = jdbc.sql("""
				select id from support_request
				where subject_id = :id or id = :id or (office_holder_id = :id and home_front and shared_with_office_holder)
				order by created_at""")
			.param("id", subject.value())
			.query(UUID.class)
			.list();
		if (ids.isEmpty()) {
			return Map.of();
		}
		Instant now = Instant.now();
		List<SupportRequestView> requests = ids.stream()
			.map(id -> store.view(store.find(id).orElseThrow(), true, now, deadlines))
			.toList();
		Map<String, Object> section = new LinkedHashMap<>();
		section.put("supportRequests", requests);
		return section;
	}
}
