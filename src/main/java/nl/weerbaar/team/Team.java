package nl.weerbaar.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.BodyKind;
import nl.weerbaar.registry.ContactRules;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.LinkedRecord;
import nl.weerbaar.registry.RegistryEvents.AccountLinked;
import nl.weerbaar.registry.RegistryRefused;
import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.shared.Refused.Violation;
import nl.weerbaar.registry.Term;
import nl.weerbaar.registry.TermRules;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.SearchText;
import nl.weerbaar.shared.AuditEntry;
import nl.weerbaar.shared.AuditableEvent;
import nl.weerbaar.team.internal.Supporter;
import nl.weerbaar.team.internal.Supporters;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The support team: coordinators and administrators manage it; supporters see the directory, as cards. */
@Service
@Transactional
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
public class Team {

	/** What the directory lists. */
	public record SupporterSummary(UUID id, String name, SupporterKind kind, String organisation, String provinceCode,
			int capacity, boolean active) {
	}

	/** Every part optional. */
	public record SupporterQuery(String q, SupporterKind kind, Expertise expertise, String provinceCode,
			OfficeFunction function, Boolean active) {
	}

	public record SupporterChanged(UUID supporter, boolean created, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, created ? "SUPPORTER_REGISTERED" : "SUPPORTER_CHANGED", "SUPPORTER",
					supporter.toString());
		}
	}

	public record SupporterRead(UUID supporter, UUID by, String role) implements AuditableEvent {

		@Override
		public AuditEntry auditEntry() {
			return AuditEntry.allowed(by, role, "READ_PERSONAL_DATA", "SUPPORTER", supporter.toString());
		}
	}

	private final Supporters supporters;
	private final Bodies bodies;
	private final PersonalData personalData;
	private final JdbcClient jdbc;
	private final AccountManagement accounts;
	private final ApplicationEventPublisher events;
	private final java.time.Clock clock;

	Team(Supporters supporters, Bodies bodies, PersonalData personalData, JdbcClient jdbc, AccountManagement accounts,
			ApplicationEventPublisher events, java.time.Clock clock) {
		this.supporters = supporters;
		this.accounts = accounts;
		this.bodies = bodies;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public SupporterView register(SupporterData data, Actor by) {
		Supporter supporter = Supporter.create(UUID.randomUUID(), clock.instant());
		SupporterView view = apply(supporter, data, by);
		events.publishEvent(new SupporterChanged(supporter.id(), true, by.id(), by.role()));
		return view;
	}

	public Optional<SupporterView> update(UUID id, SupporterData data, Actor by) {
		return supporters.findById(id).map(supporter -> {
			SupporterView view = apply(supporter, data, by);
			events.publishEvent(new SupporterChanged(id, false, by.id(), by.role()));
			return view;
		});
	}

	@Transactional(readOnly = true)
	public Optional<SupporterView> find(UUID id, Actor by) {
		return supporters.findById(id).map(supporter -> {
			events.publishEvent(new SupporterRead(id, by.id(), by.role()));
			SubjectId subject = new SubjectId(id);
			return supporter.view(
					personalData.open(subject, location("email", id), supporter.sealedEmail()).orElse(null),
					personalData.open(subject, location("phone", id), supporter.sealedPhone()).orElse(null));
		});
	}

	/** Every supporter's name by id, for lists that name them (one query; no personal data is opened). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public java.util.Map<UUID, String> names() {
		java.util.Map<UUID, String> names = new java.util.HashMap<>();
		jdbc.sql("select id, name from supporter").query(rs -> {
			names.put(rs.getObject("id", UUID.class), rs.getString("name"));
		});
		return names;
	}

	/** An active supporter who can sign in, and so can take a case on. */
	public record Assignable(UUID id, String name, SupporterKind kind) {
	}

	/** The active supporters with an account, by name (one query): whom a case can be transferred to. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('COORDINATOR')")
	public List<Assignable> assignable() {
		return jdbc.sql("select id, name, kind from supporter where active and account_id is not null order by name, id")
			.query((rs, n) -> new Assignable(rs.getObject("id", UUID.class), rs.getString("name"), SupporterKind.valueOf(rs.getString("kind"))))
			.list();
	}

	/** Every supporter without contact details (for matching): nothing is opened, so nothing counts as read. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public List<SupporterView> roster() {
		return supporters.findAll().stream().map(supporter -> supporter.view(null, null)).toList();
	}

	/** An active colleague's card, as a supporter sees it; empty when there is no such one. Nothing sealed is opened. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('SUPPORTER')")
	public Optional<SupporterCard> card(UUID id) {
		return cards(new SupporterQuery(null, null, null, null, null, null), id, Pageable.ofSize(1)).stream().findFirst();
	}

	/**
	 * The directory as a supporter sees it: active colleagues only, as cards, filtered by name, kind and province (a
	 * filter on what a card does not show would reveal it, so the others are not applied).
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('SUPPORTER')")
	public Page<SupporterCard> directory(SupporterQuery query, Pageable pageable) {
		return cards(query, null, pageable);
	}

	private Page<SupporterCard> cards(SupporterQuery query, UUID id, Pageable pageable) {
		Map<String, Object> params = new HashMap<>();
		params.put("q", SearchText.containsPattern(query.q()));
		params.put("kind", query.kind() == null ? null : query.kind().name());
		params.put("province", province(query));
		params.put("id", id);
		String where = """
				where s.active
				  and (cast(:id as uuid) is null or s.id = :id)
				  and (cast(:q as text) is null or s.name ilike :q)
				  and (cast(:kind as text) is null or s.kind = :kind)
				  and (cast(:province as text) is null or s.province_code = :province)
				""";
		long total = jdbc.sql("select count(*) from supporter s " + where).params(params).query(Long.class).single();
		params.put("limit", pageable.getPageSize());
		params.put("offset", pageable.getOffset());
		List<SupporterCard> found = jdbc.sql("""
				select s.id, s.name, s.kind, s.organisation, s.province_code,
				       array(select l.language from supporter_language l where l.supporter_id = s.id order by l.language) as languages
				from supporter s
				""" + where + " order by lower(s.name), s.id limit :limit offset :offset")
			.params(params)
			.query((rs, row) -> new SupporterCard(rs.getObject("id", UUID.class), rs.getString("name"),
					SupporterKind.valueOf(rs.getString("kind")), rs.getString("organisation"),
					List.of((String[]) rs.getArray("languages").getArray()), rs.getString("province_code")))
			.list();
		return new PageImpl<>(found, pageable, total);
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	public Page<SupporterSummary> search(SupporterQuery query, Pageable pageable) {
		String where = """
				where (cast(:q as text) is null or s.name ilike :q)
				  and (cast(:kind as text) is null or s.kind = :kind)
				  and (cast(:province as text) is null or s.province_code = :province)
				  and (cast(:active as boolean) is null or s.active = :active)
				  and (cast(:expertise as text) is null
				       or exists (select 1 from supporter_expertise e where e.supporter_id = s.id and e.expertise = :expertise))
				  and (cast(:function as text) is null
				       or exists (select 1 from supporter_term t where t.supporter_id = s.id and t.function = :function))
				""";
		Map<String, Object> params = new HashMap<>();
		params.put("q", SearchText.containsPattern(query.q()));
		params.put("kind", query.kind() == null ? null : query.kind().name());
		params.put("province", province(query));
		params.put("active", query.active());
		params.put("expertise", query.expertise() == null ? null : query.expertise().name());
		params.put("function", query.function() == null ? null : query.function().name());
		long total = jdbc.sql("select count(*) from supporter s " + where).params(params).query(Long.class).single();
		params.put("limit", pageable.getPageSize());
		params.put("offset", pageable.getOffset());
		List<SupporterSummary> found = jdbc.sql("select * from supporter s " + where
				+ " order by lower(s.name), s.id limit :limit offset :offset")
			.params(params)
			.query((rs, row) -> new SupporterSummary(rs.getObject("id", UUID.class), rs.getString("name"),
					SupporterKind.valueOf(rs.getString("kind")), rs.getString("organisation"),
					rs.getString("province_code"), rs.getInt("capacity"), rs.getBoolean("active")))
			.list();
		return new PageImpl<>(found, pageable, total);
	}

	/**
	 * Imports supporters matched on external id, all or nothing: every entry is checked before anything is written,
	 * and an entry equal to what is stored is left alone. Reuses the office-holder import's line errors.
	 */
	public nl.weerbaar.registry.OfficeHolderImport.Result importSupporters(List<SupporterImportEntry> entries, Actor by) {
		List<nl.weerbaar.registry.OfficeHolderImport.LineError> errors = new ArrayList<>();
		java.util.Set<String> seen = new java.util.HashSet<>();
		for (SupporterImportEntry entry : entries) {
			if (entry.data().externalId() == null || entry.data().externalId().isBlank()) {
				errors.add(new nl.weerbaar.registry.OfficeHolderImport.LineError(entry.line(), "externalId", "field.required"));
			}
			else if (!seen.add(entry.data().externalId().strip())) {
				errors.add(new nl.weerbaar.registry.OfficeHolderImport.LineError(entry.line(), "externalId", "import.externalId.twice"));
			}
			check(entry.data()).forEach(v -> errors.add(new nl.weerbaar.registry.OfficeHolderImport.LineError(entry.line(),
					v.field(), v.code())));
		}
		if (!errors.isEmpty()) {
			throw new nl.weerbaar.registry.OfficeHolderImport.Refused(errors);
		}
		int created = 0;
		int updated = 0;
		for (SupporterImportEntry entry : entries) {
			UUID existing = jdbc.sql("select id from supporter where external_id = ?").param(entry.data().externalId().strip())
				.query(UUID.class).optional().orElse(null);
			if (existing == null) {
				register(entry.data(), by);
				created++;
				continue;
			}
			Supporter supporter = supporters.findById(existing).orElseThrow();
			SubjectId subject = new SubjectId(existing);
			SupporterView stored = supporter.view(
					personalData.open(subject, location("email", existing), supporter.sealedEmail()).orElse(null),
					personalData.open(subject, location("phone", existing), supporter.sealedPhone()).orElse(null));
			SupporterView incoming = Supporter.create(existing, clock.instant()).preview(entry.data(), strip(entry.data().email()),
					strip(entry.data().phone()));
			if (!stored.equals(incoming)) {
				apply(supporter, entry.data(), by);
				events.publishEvent(new SupporterChanged(existing, false, by.id(), by.role()));
				updated++;
			}
		}
		return new nl.weerbaar.registry.OfficeHolderImport.Result(created, updated, entries.size() - created - updated);
	}

	/** One supporter from an import file and the line it came from. */
	public record SupporterImportEntry(int line, SupporterData data) {
	}

	private SupporterView apply(Supporter supporter, SupporterData data, Actor by) {
		List<Violation> violations = check(data);
		boolean relinked = !java.util.Objects.equals(supporter.accountId(), data.accountId());
		if (relinked && data.accountId() != null && !accounts.holdsRole(new AccountId(data.accountId()), Role.SUPPORTER)) {
			// a supporter's account opens the cases assigned to them: only a SUPPORTER account may
			violations.add(new Violation("accountId", "supporter.account.notSupporter"));
		}
		if (!violations.isEmpty()) {
			throw new RegistryRefused(violations, false);
		}
		SubjectId subject = new SubjectId(supporter.id());
		String email = strip(data.email());
		String phone = strip(data.phone());
		supporter.change(data, personalData.seal(subject, location("email", supporter.id()), email),
				personalData.seal(subject, location("phone", supporter.id()), phone), clock.instant());
		try {
			supporters.save(supporter);
		}
		catch (DuplicateKeyException taken) {
			throw new RegistryRefused(List.of(new Violation("externalId", "supporter.externalOrAccount.taken")), true);
		}
		if (relinked) {
			events.publishEvent(new AccountLinked(LinkedRecord.SUPPORTER, supporter.id(), data.accountId(), by.id(), by.role()));
		}
		return supporter.view(email, phone);
	}

	private List<Violation> check(SupporterData data) {
		List<Violation> violations = new ArrayList<>();
		if (data.name() == null || data.name().isBlank()) {
			violations.add(new Violation("name", "field.required"));
		}
		else if (data.name().strip().length() > 200) {
			violations.add(new Violation("name", "field.tooLong"));
		}
		if (data.kind() == null) {
			violations.add(new Violation("kind", "supporter.kind.required"));
		}
		Refused.checkText(violations, "party", data.party(), 100, false);
		Refused.checkText(violations, "organisation", data.organisation(), 200, false);
		Refused.checkText(violations, "externalId", data.externalId(), 100, false);
		Refused.checkSize(violations, "terms", data.terms(), 50);
		Refused.checkSize(violations, "languages", data.languages(), 20);
		Refused.checkSize(violations, "absences", data.absences(), 100);
		Refused.checkSize(violations, "trainings", data.trainings(), 100);
		List<Term> terms = data.terms() == null ? List.of() : data.terms();
		if (data.kind() == SupporterKind.PEER && terms.isEmpty()) {
			violations.add(new Violation("terms", "supporter.peer.needsTerm"));
		}
		Map<String, BodyKind> kinds = bodies.kindsOf(terms.stream()
			.filter(t -> t != null && t.bodyCode() != null)
			.map(Term::bodyCode)
			.toList());
		TermRules.check(terms, kinds)
			.forEach(v -> violations.add(new Violation("terms[" + v.term() + "]." + v.field(), v.code())));
		if (data.capacity() < 0 || data.capacity() > 50) {
			violations.add(new Violation("capacity", "supporter.capacity.range"));
		}
		if (data.provinceCode() != null && !data.provinceCode().isBlank()
				&& bodies.kindsOf(List.of(data.provinceCode().strip())).get(data.provinceCode().strip()) != BodyKind.PROVINCE) {
			violations.add(new Violation("provinceCode", "supporter.province.unknown"));
		}
		if (data.expertise() != null && data.expertise().stream().anyMatch(java.util.Objects::isNull)) {
			violations.add(new Violation("expertise", "import.expertise.invalid"));
		}
		if (data.languages() != null && data.languages().stream().anyMatch(l -> l == null || !l.matches("[a-z]{2,3}"))) {
			violations.add(new Violation("languages", "supporter.language.invalid"));
		}
		if (data.absences() != null) {
			for (int i = 0; i < data.absences().size(); i++) {
				SupporterData.Period period = data.absences().get(i);
				if (period == null || period.from() == null || period.to() == null || period.to().isBefore(period.from())) {
					violations.add(new Violation("absences[" + i + "]", "supporter.absence.invalid"));
				}
			}
		}
		if (data.trainings() != null) {
			for (int i = 0; i < data.trainings().size(); i++) {
				SupporterData.CompletedTraining training = data.trainings().get(i);
				if (training == null || training.name() == null || training.name().isBlank() || training.completedOn() == null) {
					violations.add(new Violation("trainings[" + i + "]", "supporter.training.invalid"));
				}
				else {
					Refused.checkText(violations, "trainings[" + i + "].name", training.name(), 200, true);
				}
			}
		}
		violations.addAll(ContactRules.check(data.email(), data.phone()));
		return violations;
	}

	private static String province(SupporterQuery query) {
		return query.provinceCode() == null || query.provinceCode().isBlank() ? null : query.provinceCode().strip().toUpperCase();
	}

	private static FieldLocation location(String column, UUID row) {
		return new FieldLocation("supporter", column, row.toString());
	}

	private static String strip(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
