package nl.weerbaar.registry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.registry.RegistryEvents.HomeFrontMemberAdded;
import nl.weerbaar.registry.RegistryEvents.OfficeHolderChanged;
import nl.weerbaar.registry.RegistryEvents.OfficeHolderRegistered;
import nl.weerbaar.registry.RegistryEvents.PersonalDataRead;
import nl.weerbaar.shared.Refused.Violation;
import nl.weerbaar.registry.internal.BulkImport;
import nl.weerbaar.registry.internal.OfficeHolder;
import nl.weerbaar.registry.internal.OfficeHolders;
import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.SearchText;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Office holders, their terms and their home front. Contact details and everything about the home front are sealed
 * per person; every read of them is recorded. Coordinators and administrators manage the registry.
 */
@Service
@Transactional
@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
public class Registry {

	private static final String OFFICE_HOLDER = "office_holder";
	private static final String HOME_FRONT = "home_front_member";

	/** An office holder as given; {@code accountId} links their CLIENT account (optional). */
	public record OfficeHolderData(String name, String email, String phone, String party, String externalId,
			List<Term> terms, UUID accountId) {
	}

	public record OfficeHolderView(UUID id, String name, String email, String phone, String party, String externalId,
			List<Term> terms, UUID accountId) {
	}

	/** What a list shows: no contact details (they would all have to be opened, and each read recorded). */
	public record OfficeHolderSummary(UUID id, String name, String party, List<Term> terms) {
	}

	/** Every part optional; the term filters apply to one and the same term. */
	public record OfficeHolderQuery(String q, OfficeFunction function, String bodyCode, String provinceCode) {
	}

	public record HomeFrontData(HomeFrontRelation relation, AgeBand ageBand, String name, String email, String phone) {
	}

	public record HomeFrontView(UUID id, UUID officeHolderId, HomeFrontRelation relation, AgeBand ageBand, String name,
			String email, String phone) {
	}

	private final OfficeHolders officeHolders;
	private final BulkImport bulkImport;
	private final Bodies bodies;
	private final PersonalData personalData;
	private final JdbcClient jdbc;
	private final AccountManagement accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Registry(OfficeHolders officeHolders, BulkImport bulkImport, Bodies bodies, PersonalData personalData,
			JdbcClient jdbc, AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
		this.officeHolders = officeHolders;
		this.accounts = accounts;
		this.bulkImport = bulkImport;
		this.bodies = bodies;
		this.personalData = personalData;
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
	}

	public OfficeHolderView register(OfficeHolderData data, Actor by) {
		OfficeHolder holder = OfficeHolder.create(UUID.randomUUID(), clock.instant());
		apply(holder, data, by);
		events.publishEvent(new OfficeHolderRegistered(holder.id(), by.id(), by.role()));
		return view(holder);
	}

	/** A client may change only their own contact details; everything else stays as it is. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN', 'CLIENT')")
	public Optional<OfficeHolderView> update(UUID id, OfficeHolderData data, Actor by) {
		return visibleTo(id, by).map(holder -> {
			OfficeHolderData changes = isClient(by) ? new OfficeHolderData(holder.name(), data.email(), data.phone(),
					holder.party(), holder.externalId(), holder.terms(), holder.accountId()) : data;
			apply(holder, changes, by);
			events.publishEvent(new OfficeHolderChanged(id, by.id(), by.role()));
			return view(holder);
		});
	}

	/** One office holder with contact details, opened; the read is recorded. A client finds only themselves. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN', 'CLIENT')")
	public Optional<OfficeHolderView> find(UUID id, Actor by) {
		return visibleTo(id, by).map(holder -> {
			events.publishEvent(new PersonalDataRead("OFFICE_HOLDER", id, by.id(), by.role()));
			return view(holder);
		});
	}

	@Transactional(readOnly = true)
	public Page<OfficeHolderSummary> search(OfficeHolderQuery query, Pageable pageable) {
		String where = """
				where (cast(:q as text) is null or o.name ilike :q)
				  and ((cast(:function as text) is null and cast(:body as text) is null and cast(:province as text) is null)
				       or exists (select 1 from office_term t
				                  where t.office_holder_id = o.id
				                    and (cast(:function as text) is null or t.function = :function)
				                    and (cast(:body as text) is null or t.body_code = :body)
				                    and (cast(:province as text) is null or exists (
				                         select 1 from body_province bp
				                         where bp.body_code = t.body_code and bp.province_code = :province))))
				""";
		Map<String, Object> params = new HashMap<>();
		params.put("q", SearchText.containsPattern(query.q()));
		params.put("function", query.function() == null ? null : query.function().name());
		params.put("body", blank(query.bodyCode()) ? null : query.bodyCode().strip().toUpperCase());
		params.put("province", blank(query.provinceCode()) ? null : query.provinceCode().strip().toUpperCase());
		long total = jdbc.sql("select count(*) from office_holder o " + where).params(params).query(Long.class).single();
		params.put("limit", pageable.getPageSize());
		params.put("offset", pageable.getOffset());
		List<OfficeHolderSummary> found = jdbc.sql("select o.id, o.name, o.party from office_holder o " + where
				+ " order by lower(o.name), o.id limit :limit offset :offset")
			.params(params)
			.query((rs, row) -> new OfficeHolderSummary(rs.getObject("id", UUID.class), rs.getString("name"),
					rs.getString("party"), new ArrayList<>()))
			.list();
		attachTerms(found);
		return new PageImpl<>(found, pageable, total);
	}

	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN', 'CLIENT')")
	public Optional<HomeFrontView> addHomeFront(UUID officeHolderId, HomeFrontData data, Actor by) {
		if (visibleTo(officeHolderId, by).isEmpty()) {
			return Optional.empty();
		}
		List<Violation> violations = new ArrayList<>();
		if (data.relation() == null) {
			violations.add(new Violation("relation", "homeFront.relation.required"));
		}
		else if (data.relation() == HomeFrontRelation.CHILD && data.ageBand() == null) {
			violations.add(new Violation("ageBand", "homeFront.ageBand.required"));
		}
		else if (data.relation() != HomeFrontRelation.CHILD && data.ageBand() != null) {
			violations.add(new Violation("ageBand", "homeFront.ageBand.onlyChild"));
		}
		checkText(violations, "name", data.name(), 200, false);
		violations.addAll(ContactRules.check(data.email(), data.phone()));
		if (!violations.isEmpty()) {
			throw new RegistryRefused(violations, false);
		}
		UUID id = UUID.randomUUID();
		SubjectId member = new SubjectId(id);
		jdbc.sql("""
				insert into home_front_member (id, office_holder_id, relation, age_band, name, email, phone, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, officeHolderId, data.relation().name(), data.ageBand() == null ? null : data.ageBand().name(),
					personalData.seal(member, location(HOME_FRONT, "name", id), strip(data.name())),
					personalData.seal(member, location(HOME_FRONT, "email", id), strip(data.email())),
					personalData.seal(member, location(HOME_FRONT, "phone", id), strip(data.phone())),
					Timestamp.from(clock.instant()))
			.update();
		events.publishEvent(new HomeFrontMemberAdded(id, officeHolderId, by.id(), by.role()));
		return Optional.of(new HomeFrontView(id, officeHolderId, data.relation(), data.ageBand(), strip(data.name()),
				strip(data.email()), strip(data.phone())));
	}

	/**
	 * Links a client account to a member of an office holder's home front (or unlinks it, with null): with it the
	 * member files and follows their own requests. Only a {@code CLIENT} account, and one account per person.
	 */
	public Optional<HomeFrontView> linkHomeFrontAccount(UUID officeHolderId, UUID memberId, UUID accountId, Actor by) {
		Optional<HomeFrontView> member = jdbc.sql("select * from home_front_member where id = ? and office_holder_id = ? for update")
			.params(memberId, officeHolderId)
			.query((rs, row) -> homeFrontView(rs))
			.optional();
		if (member.isEmpty()) {
			return Optional.empty();
		}
		if (accountId != null && !isClientAccount(accountId)) {
			throw new RegistryRefused(List.of(new Violation("accountId", "registry.account.notClient")), false);
		}
		boolean unchanged = accountId != null && jdbc.sql("select count(*) from home_front_member where id = ? and account_id = ?")
			.params(memberId, accountId).query(Long.class).single() > 0;
		if (accountId != null && !unchanged && linkedToAnyone(accountId)) {
			throw new RegistryRefused(List.of(new Violation("accountId", "registry.account.taken")), true);
		}
		jdbc.sql("update home_front_member set account_id = ? where id = ?").params(accountId, memberId).update();
		events.publishEvent(new RegistryEvents.AccountLinked(LinkedRecord.HOME_FRONT_MEMBER, memberId, accountId, by.id(),
				by.role()));
		return member;
	}

	/** The office holder's home front, opened; the read is recorded. Empty when there is no such office holder. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN', 'CLIENT')")
	public Optional<List<HomeFrontView>> homeFront(UUID officeHolderId, Actor by) {
		if (visibleTo(officeHolderId, by).isEmpty()) {
			return Optional.empty();
		}
		events.publishEvent(new PersonalDataRead("HOME_FRONT", officeHolderId, by.id(), by.role()));
		return Optional.of(jdbc.sql("select * from home_front_member where office_holder_id = ? order by created_at, id")
			.param(officeHolderId)
			.query((rs, row) -> homeFrontView(rs))
			.list());
	}

	/** A function and the association its holders belong to (their confidants come from it). */
	public record FunctionAssociation(OfficeFunction function, String associationCode, String associationName) {
	}

	/** The association of each function (editable reference data). */
	@Transactional(readOnly = true)
	@PreAuthorize("isAuthenticated()")
	public List<FunctionAssociation> associations() {
		return jdbc.sql("""
				select fa.function, a.code, a.name from function_association fa join association a on a.code = fa.association_code
				order by fa.function""")
			.query((rs, row) -> new FunctionAssociation(OfficeFunction.valueOf(rs.getString("function")), rs.getString("code"),
					rs.getString("name")))
			.list();
	}

	/** Changes which association a function belongs to; administrators keep this reference data. */
	@PreAuthorize("hasRole('ADMIN')")
	public FunctionAssociation changeAssociation(OfficeFunction function, String associationCode, Actor by) {
		int changed = jdbc.sql("""
				update function_association set association_code = ?
				where function = ? and exists (select 1 from association where code = ?)""")
			.params(associationCode, function.name(), associationCode)
			.update();
		if (changed == 0) {
			throw new RegistryRefused(List.of(new Violation("associationCode", "association.unknown")), false);
		}
		events.publishEvent(new RegistryEvents.ReferenceDataChanged("FUNCTION_ASSOCIATION", function.name(), by.id(), by.role()));
		return associations().stream().filter(a -> a.function() == function).findFirst().orElseThrow();
	}

	/**
	 * Imports many office holders at once (a griffie's list), matched on external id: all or nothing, and the same
	 * file twice changes nothing. {@link OfficeHolderImport.Refused} names every line in error.
	 */
	public OfficeHolderImport.Result importOfficeHolders(List<OfficeHolderImport.Entry> entries, Actor by) {
		OfficeHolderImport.Result result = bulkImport.run(entries, clock.instant());
		events.publishEvent(new RegistryEvents.OfficeHoldersImported(result.created(), result.updated(), by.id(), by.role()));
		return result;
	}

	/** The office holder's id linked to this client account, if any. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('CLIENT')")
	public Optional<UUID> officeHolderOf(Actor client) {
		return jdbc.sql("select id from office_holder where account_id = ?").param(client.id()).query(UUID.class).optional();
	}

	/** How to reach a person a request is about: their name, e-mail address and phone number, as far as known. */
	public record ContactCard(String name, String email, String phone) {
	}

	/**
	 * Opens the contact details of an office holder or home-front member for a purpose the calling module has already
	 * checked (a consented referral, an invitation by e-mail to close a case). The read is recorded with {@code by},
	 * or as the system's when null.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ContactCard> contactCard(UUID subjectId, Actor by) {
		Optional<ContactCard> card = officeHolders.findById(subjectId)
			.map(holder -> new ContactCard(holder.name(),
					personalData.open(new SubjectId(subjectId), location(OFFICE_HOLDER, "email", subjectId), holder.sealedEmail()).orElse(null),
					personalData.open(new SubjectId(subjectId), location(OFFICE_HOLDER, "phone", subjectId), holder.sealedPhone()).orElse(null)))
			.or(() -> jdbc.sql("select * from home_front_member where id = ?")
				.param(subjectId)
				.query((rs, row) -> homeFrontView(rs))
				.optional()
				.map(member -> new ContactCard(member.name(), member.email(), member.phone())));
		card.ifPresent(found -> events.publishEvent(new PersonalDataRead(officeHolders.existsById(subjectId) ? "OFFICE_HOLDER" : "HOME_FRONT",
				subjectId, by == null ? null : by.id(), by == null ? null : by.role())));
		return card;
	}

	/** The person this client account belongs to: an office holder or a home-front member. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('CLIENT')")
	public Optional<UUID> ownSubject(Actor client) {
		return jdbc.sql("select id from office_holder where account_id = :a union all select id from home_front_member where account_id = :a")
			.param("a", client.id())
			.query(UUID.class)
			.optional();
	}

	/**
	 * Who a support request is about: an office holder, or a member of one's home front. Gives ids and the office
	 * holder's terms, no contact details, so it is not a read of personal data. A client finds only themselves and, an
	 * office holder, their own home front; anyone else's id is as unknown as a wrong one.
	 */
	public record PersonConcerned(UUID subjectId, boolean homeFront, UUID officeHolderId, String officeHolderName,
			String party, List<Term> terms) {

		/** The term that counts today, or else the latest one. */
		public Optional<Term> currentTerm(java.time.LocalDate today) {
			return terms.stream().filter(term -> term.isCurrentOn(today)).findFirst().or(() -> terms.stream().findFirst());
		}
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN', 'CLIENT')")
	public Optional<PersonConcerned> concerned(UUID subjectId, Actor by) {
		if (subjectId == null) {
			return Optional.empty();
		}
		Optional<PersonConcerned> holder = visibleTo(subjectId, by)
			.map(found -> new PersonConcerned(subjectId, false, found.id(), found.name(), found.party(), found.terms()));
		if (holder.isPresent()) {
			return holder;
		}
		return jdbc.sql("select office_holder_id, account_id from home_front_member where id = ?")
			.param(subjectId)
			.query((rs, row) -> {
				UUID officeHolderId = rs.getObject("office_holder_id", UUID.class);
				// a member with an account of their own finds themselves
				return by.id().equals(rs.getObject("account_id", UUID.class)) ? officeHolders.findById(officeHolderId)
						: visibleTo(officeHolderId, by);
			})
			.optional()
			.flatMap(Function.identity())
			.map(found -> new PersonConcerned(subjectId, true, found.id(), found.name(), found.party(), found.terms()));
	}

	/** Many office holders at once as {@link #concerned} gives them (a batch of requests); unknown ids are left out. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'ADMIN')")
	public Map<UUID, PersonConcerned> officeHoldersConcerned(java.util.Collection<UUID> officeHolderIds) {
		Map<UUID, PersonConcerned> found = new HashMap<>();
		if (officeHolderIds.isEmpty()) {
			return found;
		}
		Map<UUID, List<Term>> terms = new HashMap<>();
		jdbc.sql("select * from office_term where office_holder_id in (:ids)").param("ids", officeHolderIds).query(rs -> {
			java.sql.Date end = rs.getDate("end_date");
			terms.computeIfAbsent(rs.getObject("office_holder_id", UUID.class), id -> new ArrayList<>())
				.add(new Term(OfficeFunction.valueOf(rs.getString("function")), rs.getString("body_code"),
						rs.getDate("start_date").toLocalDate(), end == null ? null : end.toLocalDate()));
		});
		jdbc.sql("select id, name, party from office_holder where id in (:ids)").param("ids", officeHolderIds).query(rs -> {
			UUID id = rs.getObject("id", UUID.class);
			List<Term> theirs = new ArrayList<>(terms.getOrDefault(id, List.of()));
			theirs.sort(Comparator.comparing(Term::start).reversed());
			found.put(id, new PersonConcerned(id, false, id, rs.getString("name"), rs.getString("party"), theirs));
		});
		return found;
	}

	/** Coordinators and administrators see everyone; a client only the office holder linked to their account. */
	private Optional<OfficeHolder> visibleTo(UUID id, Actor by) {
		return officeHolders.findById(id).filter(holder -> !isClient(by) || by.id().equals(holder.accountId()));
	}

	private static boolean isClient(Actor actor) {
		return "CLIENT".equals(actor.role());
	}

	/** More terms than a lifetime in office holds (per person, in a form or an imported file). */
	public static final int MAX_TERMS = 50;

	private void apply(OfficeHolder holder, OfficeHolderData data, Actor by) {
		List<Term> terms = data.terms() == null ? List.of() : data.terms();
		List<Violation> violations = new ArrayList<>();
		boolean relinked = !java.util.Objects.equals(holder.accountId(), data.accountId());
		if (relinked && data.accountId() != null && !isClientAccount(data.accountId())) {
			violations.add(new Violation("accountId", "registry.account.notClient"));
		}
		else if (relinked && data.accountId() != null && linkedToAnyone(data.accountId())) {
			throw new RegistryRefused(List.of(new Violation("accountId", "registry.account.taken")), true);
		}
		checkText(violations, "name", data.name(), 200, true);
		checkText(violations, "party", data.party(), 100, false);
		checkText(violations, "externalId", data.externalId(), 100, false);
		nl.weerbaar.shared.Refused.checkSize(violations, "terms", terms, MAX_TERMS);
		violations.addAll(ContactRules.check(data.email(), data.phone()));
		Map<String, BodyKind> kinds = bodies.kindsOf(terms.stream().filter(t -> t != null && t.bodyCode() != null)
			.map(Term::bodyCode).toList());
		TermRules.check(terms, kinds)
			.forEach(v -> violations.add(new Violation("terms[" + v.term() + "]." + v.field(), v.code())));
		if (!violations.isEmpty()) {
			throw new RegistryRefused(violations, false);
		}
		checkSingleSeats(holder.id(), terms);
		SubjectId subject = new SubjectId(holder.id());
		holder.change(data.name().strip(), strip(data.party()),
				personalData.seal(subject, location(OFFICE_HOLDER, "email", holder.id()), strip(data.email())),
				personalData.seal(subject, location(OFFICE_HOLDER, "phone", holder.id()), strip(data.phone())),
				strip(data.externalId()), data.accountId(), terms, clock.instant());
		try {
			officeHolders.save(holder);
		}
		catch (DuplicateKeyException sameExternalIdOrAccount) {
			throw new RegistryRefused(List.of(new Violation("externalId", "officeHolder.externalOrAccount.taken")), true);
		}
		if (relinked) {
			events.publishEvent(new RegistryEvents.AccountLinked(LinkedRecord.OFFICE_HOLDER, holder.id(), data.accountId(),
					by.id(), by.role()));
		}
	}

	/** One account belongs to one person: an office holder or a member of a home front. */
	private boolean linkedToAnyone(UUID account) {
		return jdbc.sql("""
				select exists (select 1 from office_holder where account_id = :a)
				    or exists (select 1 from home_front_member where account_id = :a)""")
			.param("a", account)
			.query(Boolean.class)
			.single();
	}

	/** Only a client's account may act as an office holder or a member of one's home front. */
	private boolean isClientAccount(UUID account) {
		return accounts.holdsRole(new AccountId(account), Role.CLIENT);
	}

	/** One mayor per municipality and one King's commissioner per province at a time, also under concurrency. */
	private void checkSingleSeats(UUID holder, List<Term> terms) {
		List<Violation> conflicts = new ArrayList<>();
		for (int i = 0; i < terms.size(); i++) {
			Term term = terms.get(i);
			if (!term.function().isSingleSeat()) {
				continue;
			}
			jdbc.sql("select pg_advisory_xact_lock(hashtext('seat:' || ?))").param(term.bodyCode()).query().listOfRows();
			long others = jdbc.sql("""
					select count(*) from office_term
					where function = ? and body_code = ? and office_holder_id <> ?
					  and start_date < coalesce(cast(? as date), 'infinity') and coalesce(end_date, 'infinity') > ?""")
				.params(term.function().name(), term.bodyCode(), holder, term.end(), term.start())
				.query(Long.class)
				.single();
			if (others > 0) {
				conflicts.add(new Violation("terms[" + i + "].bodyCode", "term.seat.taken." + term.function()));
			}
		}
		if (!conflicts.isEmpty()) {
			throw new RegistryRefused(conflicts, true);
		}
	}

	private OfficeHolderView view(OfficeHolder holder) {
		SubjectId subject = new SubjectId(holder.id());
		return new OfficeHolderView(holder.id(), holder.name(),
				personalData.open(subject, location(OFFICE_HOLDER, "email", holder.id()), holder.sealedEmail()).orElse(null),
				personalData.open(subject, location(OFFICE_HOLDER, "phone", holder.id()), holder.sealedPhone()).orElse(null),
				holder.party(), holder.externalId(), holder.terms(), holder.accountId());
	}

	private HomeFrontView homeFrontView(ResultSet rs) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		SubjectId member = new SubjectId(id);
		String ageBand = rs.getString("age_band");
		return new HomeFrontView(id, rs.getObject("office_holder_id", UUID.class),
				HomeFrontRelation.valueOf(rs.getString("relation")), ageBand == null ? null : AgeBand.valueOf(ageBand),
				personalData.open(member, location(HOME_FRONT, "name", id), rs.getBytes("name")).orElse(null),
				personalData.open(member, location(HOME_FRONT, "email", id), rs.getBytes("email")).orElse(null),
				personalData.open(member, location(HOME_FRONT, "phone", id), rs.getBytes("phone")).orElse(null));
	}

	private void attachTerms(List<OfficeHolderSummary> holders) {
		if (holders.isEmpty()) {
			return;
		}
		Map<UUID, OfficeHolderSummary> byId = new HashMap<>();
		holders.forEach(holder -> byId.put(holder.id(), holder));
		jdbc.sql("select * from office_term where office_holder_id in (:ids)")
			.param("ids", byId.keySet())
			.query(rs -> {
				java.sql.Date end = rs.getDate("end_date");
				byId.get(rs.getObject("office_holder_id", UUID.class)).terms()
					.add(new Term(OfficeFunction.valueOf(rs.getString("function")), rs.getString("body_code"),
							rs.getDate("start_date").toLocalDate(), end == null ? null : end.toLocalDate()));
			});
		holders.forEach(holder -> holder.terms().sort(Comparator.comparing(Term::start).reversed()));
	}

	private static void checkText(List<Violation> violations, String field, String value, int max, boolean required) {
		if (blank(value)) {
			if (required) {
				violations.add(new Violation(field, "field.required"));
			}
		}
		else if (value.strip().length() > max) {
			violations.add(new Violation(field, "field.tooLong"));
		}
	}

	private static FieldLocation location(String table, String column, UUID row) {
		return new FieldLocation(table, column, row.toString());
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String strip(String value) {
		return blank(value) ? null : value.strip();
	}
}
