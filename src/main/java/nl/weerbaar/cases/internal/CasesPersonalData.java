package nl.weerbaar.cases.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.weerbaar.cases.internal.CaseStore.CaseRow;
import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.PersonalDataSource;
import nl.weerbaar.privacy.SubjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cases' part of a person's data export: the cases of the requests about them, with contacts, actions, closure and
 * evaluation, opened. Everything is sealed under the request's key, which intake already names as the person's
 * dependent, so erasure needs nothing more here.
 */
@Component
class CasesPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;
	private final CaseStore store;
	private final PersonalData personalData;

	CasesPersonalData(JdbcClient jdbc, CaseStore store, PersonalData personalData) {
		this.jdbc = jdbc;
		this.store = store;
		this.personalData = personalData;
	}

	@Override
	public String section() {
		return "cases";
	}

	@Override
	public Map<String, Object> export(SubjectId subject) {
		// a home-front member's case goes into the office holder's export only while the member shares its request
		List<UUID> requests = jdbc.sql("""
				select id from support_request
				where subject_id = :id or (office_holder_id = :id and home_front and shared_with_office_holder)
				order by created_at""")
			.param("id", subject.value())
			.query(UUID.class)
			.list();
		List<Map<String, Object>> cases = new ArrayList<>();
		for (CaseRow row : store.ofRequests(requests)) {
			SubjectId key = new SubjectId(row.requestId());
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("id", row.id());
			entry.put("supportRequestId", row.requestId());
			entry.put("status", row.status());
			entry.put("openedAt", row.openedAt());
			entry.put("closedAt", row.closedAt());
			entry.put("closureReason", row.closureReason());
			entry.put("closureSummary", open(key, "support_case", "closure_summary", row.id(), row.closureSummary()));
			entry.put("contacts", store.contacts(row.id()).stream().map(c -> {
				Map<String, Object> contact = new LinkedHashMap<>();
				contact.put("occurredAt", c.occurredAt());
				contact.put("mode", c.mode());
				contact.put("minutes", c.minutes());
				contact.put("note", open(key, "case_contact", "note", c.id(), c.note()));
				return contact;
			}).toList());
			entry.put("actions", store.actions(row.id()).stream().map(a -> {
				Map<String, Object> action = new LinkedHashMap<>();
				action.put("what", open(key, "case_action", "what", a.id(), a.what()));
				action.put("who", a.who());
				action.put("dueOn", a.dueOn());
				action.put("doneAt", a.doneAt());
				return action;
			}).toList());
			store.evaluation(row.id()).ifPresent(e -> entry.put("evaluation", Map.of("satisfaction", e.satisfaction(),
					"wouldRecommend", e.wouldRecommend(), "submittedAt", e.submittedAt(),
					"comment", String.valueOf(open(key, "case_evaluation", "comment", row.id(), e.comment())))));
			cases.add(entry);
		}
		return cases.isEmpty() ? Map.of() : Map.of("cases", cases);
	}

	private String open(SubjectId key, String table, String column, UUID row, byte[] sealed) {
		return personalData.open(key, new FieldLocation(table, column, row.toString()), sealed).orElse(null);
	}
}
