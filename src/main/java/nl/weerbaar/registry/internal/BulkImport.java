package nl.weerbaar.registry.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.PersonalData.BulkSealer;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.registry.BodyKind;
import nl.weerbaar.registry.ContactRules;
import nl.weerbaar.registry.OfficeFunction;
import nl.weerbaar.registry.OfficeHolderImport.Entry;
import nl.weerbaar.registry.OfficeHolderImport.LineError;
import nl.weerbaar.registry.OfficeHolderImport.Refused;
import nl.weerbaar.registry.OfficeHolderImport.Result;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.registry.Registry.OfficeHolderData;
import nl.weerbaar.registry.Term;
import nl.weerbaar.registry.TermRules;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Imports many office holders at once, matched on their external id: every entry is checked first (fields, term
 * rules, one mayor / King's commissioner at a time across the file and the database); then new people are written in
 * batches and changed ones updated, in the caller's transaction. An entry equal to what is stored is left alone, so
 * importing the same file twice changes nothing.
 */
@Component
public class BulkImport {

	private static final String TABLE = "office_holder";

	private final JdbcClient jdbc;
	private final JdbcTemplate batch;
	private final PersonalData personalData;

	BulkImport(JdbcClient jdbc, JdbcTemplate batch, PersonalData personalData) {
		this.jdbc = jdbc;
		this.batch = batch;
		this.personalData = personalData;
	}

	public Result run(List<Entry> entries, Instant now) {
		Map<String, BodyKind> kinds = new HashMap<>();
		jdbc.sql("select code, kind from body").query(rs -> {
			kinds.put(rs.getString("code"), BodyKind.valueOf(rs.getString("kind")));
		});
		List<LineError> errors = new ArrayList<>();
		Set<String> externalIds = new HashSet<>();
		for (Entry entry : entries) {
			check(entry, kinds, externalIds, errors);
		}
		if (!errors.isEmpty()) {
			throw new Refused(errors);
		}
		Map<String, Stored> stored = load(externalIds);
		Map<String, UUID> ids = new HashMap<>();
		entries.forEach(entry -> ids.put(entry.data().externalId(),
				stored.containsKey(entry.data().externalId()) ? stored.get(entry.data().externalId()).id() : UUID.randomUUID()));
		checkSingleSeats(entries, ids, errors);
		if (!errors.isEmpty()) {
			throw new Refused(errors);
		}

		List<Entry> created = new ArrayList<>();
		List<Entry> changed = new ArrayList<>();
		for (Entry entry : entries) {
			Stored existing = stored.get(entry.data().externalId());
			if (existing == null) {
				created.add(entry);
			}
			else if (!existing.sameAs(normalized(entry.data()))) {
				changed.add(entry);
			}
		}
		insert(created, ids, now);
		update(changed, ids, now);
		return new Result(created.size(), changed.size(), entries.size() - created.size() - changed.size());
	}

	private void check(Entry entry, Map<String, BodyKind> kinds, Set<String> externalIds, List<LineError> errors) {
		OfficeHolderData data = entry.data();
		int line = entry.lines().get(0);
		if (blank(data.externalId())) {
			errors.add(new LineError(line, "externalId", "field.required"));
		}
		else if (data.externalId().strip().length() > 100) {
			errors.add(new LineError(line, "externalId", "field.tooLong"));
		}
		else if (!externalIds.add(data.externalId())) {
			errors.add(new LineError(line, "externalId", "import.externalId.twice"));
		}
		if (data.terms().size() > Registry.MAX_TERMS) {
			errors.add(new LineError(line, "terms", "field.tooMany"));
		}
		if (blank(data.name())) {
			errors.add(new LineError(line, "name", "field.required"));
		}
		else if (data.name().strip().length() > 200) {
			errors.add(new LineError(line, "name", "field.tooLong"));
		}
		if (data.party() != null && data.party().strip().length() > 100) {
			errors.add(new LineError(line, "party", "field.tooLong"));
		}
		ContactRules.check(data.email(), data.phone()).forEach(v -> errors.add(new LineError(line, v.field(), v.code())));
		TermRules.check(data.terms(), kinds)
			.forEach(v -> errors.add(new LineError(entry.lines().get(Math.min(v.term(), entry.lines().size() - 1)), v.field(), v.code())));
	}

	/** One mayor per municipality and one King's commissioner per province at a time, over the file and the database. */
	private void checkSingleSeats(List<Entry> entries, Map<String, UUID> ids, List<LineError> errors) {
		record Seat(UUID holder, Term term, int line) {
		}
		Map<String, List<Seat>> seats = new HashMap<>();
		Set<UUID> inFile = new HashSet<>(ids.values());
		for (Entry entry : entries) {
			for (int i = 0; i < entry.data().terms().size(); i++) {
				Term term = entry.data().terms().get(i);
				if (term.function().isSingleSeat()) {
					seats.computeIfAbsent(term.function() + "|" + term.bodyCode(), key -> new ArrayList<>())
						.add(new Seat(ids.get(entry.data().externalId()), term, entry.lines().get(i)));
				}
			}
		}
		if (seats.isEmpty()) {
			return;
		}
		jdbc.sql("select pg_advisory_xact_lock(hashtext('seats:import'))").query().listOfRows();
		jdbc.sql("select * from office_term where function in ('MAYOR', 'KINGS_COMMISSIONER')").query(rs -> {
			UUID holder = rs.getObject("office_holder_id", UUID.class);
			List<Seat> sameSeat = seats.get(rs.getString("function") + "|" + rs.getString("body_code"));
			if (sameSeat != null && !inFile.contains(holder)) {
				Date end = rs.getDate("end_date");
				sameSeat.add(new Seat(holder, new Term(OfficeFunction.valueOf(rs.getString("function")), rs.getString("body_code"),
						rs.getDate("start_date").toLocalDate(), end == null ? null : end.toLocalDate()), -1));
			}
		});
		for (List<Seat> candidates : seats.values()) {
			for (Seat seat : candidates) {
				if (seat.line() < 0) {
					continue;
				}
				boolean taken = candidates.stream()
					.anyMatch(other -> !other.holder().equals(seat.holder()) && other.term().overlaps(seat.term())
							&& (other.line() < 0 || other.line() < seat.line()));
				if (taken) {
					errors.add(new LineError(seat.line(), "bodyCode", "term.seat.taken." + seat.term().function()));
				}
			}
		}
	}

	private void insert(List<Entry> entries, Map<String, UUID> ids, Instant now) {
		if (entries.isEmpty()) {
			return;
		}
		List<SubjectId> subjects = entries.stream().map(e -> new SubjectId(ids.get(e.data().externalId()))).toList();
		BulkSealer sealer = personalData.forNewSubjects(subjects);
		List<Object[]> holders = new ArrayList<>();
		List<Object[]> terms = new ArrayList<>();
		Timestamp at = Timestamp.from(now);
		for (Entry entry : entries) {
			OfficeHolderData data = normalized(entry.data());
			UUID id = ids.get(data.externalId());
			SubjectId subject = new SubjectId(id);
			holders.add(new Object[] { id, data.name(), data.party(),
					sealer.seal(subject, location("email", id), data.email()),
					sealer.seal(subject, location("phone", id), data.phone()), data.externalId(), data.accountId(), at, at });
			data.terms().forEach(term -> terms.add(termRow(id, term)));
		}
		batch.batchUpdate("""
				insert into office_holder (id, version, name, party, email, phone, external_id, account_id, created_at, updated_at)
				values (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)""", holders);
		batch.batchUpdate("insert into office_term (office_holder_id, function, body_code, start_date, end_date) values (?, ?, ?, ?, ?)",
				terms);
	}

	private void update(List<Entry> entries, Map<String, UUID> ids, Instant now) {
		for (Entry entry : entries) {
			OfficeHolderData data = normalized(entry.data());
			UUID id = ids.get(data.externalId());
			SubjectId subject = new SubjectId(id);
			jdbc.sql("""
					update office_holder set name = ?, party = ?, email = ?, phone = ?, version = version + 1, updated_at = ?
					where id = ?""")
				.params(data.name(), data.party(), personalData.seal(subject, location("email", id), data.email()),
						personalData.seal(subject, location("phone", id), data.phone()), Timestamp.from(now), id)
				.update();
			jdbc.sql("delete from office_term where office_holder_id = ?").param(id).update();
			batch.batchUpdate("insert into office_term (office_holder_id, function, body_code, start_date, end_date) values (?, ?, ?, ?, ?)",
					data.terms().stream().map(term -> termRow(id, term)).toList());
		}
	}

	private Map<String, Stored> load(Set<String> externalIds) {
		Map<String, Stored> stored = new HashMap<>();
		if (externalIds.isEmpty()) {
			return stored;
		}
		Map<UUID, List<Term>> terms = new HashMap<>();
		jdbc.sql("""
				select t.* from office_term t join office_holder o on o.id = t.office_holder_id
				where o.external_id = any(?)""")
			.param(externalIds.toArray(String[]::new))
			.query(rs -> {
				Date end = rs.getDate("end_date");
				terms.computeIfAbsent(rs.getObject("office_holder_id", UUID.class), key -> new ArrayList<>())
					.add(new Term(OfficeFunction.valueOf(rs.getString("function")), rs.getString("body_code"),
							rs.getDate("start_date").toLocalDate(), end == null ? null : end.toLocalDate()));
			});
		jdbc.sql("select id, external_id, name, party, email, phone from office_holder where external_id = any(?)")
			.param(externalIds.toArray(String[]::new))
			.query(rs -> {
				UUID id = rs.getObject("id", UUID.class);
				SubjectId subject = new SubjectId(id);
				stored.put(rs.getString("external_id"), new Stored(id, rs.getString("name"), rs.getString("party"),
						personalData.open(subject, location("email", id), rs.getBytes("email")).orElse(null),
						personalData.open(subject, location("phone", id), rs.getBytes("phone")).orElse(null),
						Set.copyOf(terms.getOrDefault(id, List.of()))));
			});
		return stored;
	}

	private record Stored(UUID id, String name, String party, String email, String phone, Set<Term> terms) {

		boolean sameAs(OfficeHolderData data) {
			return Objects.equals(name, data.name()) && Objects.equals(party, data.party())
					&& Objects.equals(email, data.email()) && Objects.equals(phone, data.phone())
					&& terms.equals(Set.copyOf(data.terms()));
		}
	}

	private static Object[] termRow(UUID holder, Term term) {
		return new Object[] { holder, term.function().name(), term.bodyCode(), Date.valueOf(term.start()),
				term.end() == null ? null : Date.valueOf(term.end()) };
	}

	private static OfficeHolderData normalized(OfficeHolderData data) {
		return new OfficeHolderData(data.name().strip(), strip(data.email()), strip(data.phone()), strip(data.party()),
				data.externalId().strip(), data.terms(), data.accountId());
	}

	private static FieldLocation location(String column, UUID id) {
		return new FieldLocation(TABLE, column, id.toString());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String strip(String value) {
		return blank(value) ? null : value.strip();
	}
}
