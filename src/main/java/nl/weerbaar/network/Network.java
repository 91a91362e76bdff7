package nl.weerbaar.network;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.weerbaar.cases.CaseRef;
import nl.weerbaar.cases.CaseStatus;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.network.NetworkEvents.ConsentRecorded;
import nl.weerbaar.network.NetworkEvents.ConsentWithdrawn;
import nl.weerbaar.network.NetworkEvents.PartnerChanged;
import nl.weerbaar.network.NetworkEvents.ReferralRead;
import nl.weerbaar.network.NetworkEvents.ReferralSent;
import nl.weerbaar.network.NetworkEvents.ReferralStatusChanged;
import nl.weerbaar.network.NetworkViews.ClientReferralView;
import nl.weerbaar.network.NetworkViews.ConsentView;
import nl.weerbaar.network.NetworkViews.PartnerReferralItem;
import nl.weerbaar.network.NetworkViews.PartnerReferralView;
import nl.weerbaar.network.NetworkViews.PartnerView;
import nl.weerbaar.network.NetworkViews.ReferralView;
import nl.weerbaar.network.NetworkViews.UpdateView;
import nl.weerbaar.network.internal.NetworkStore;
import nl.weerbaar.network.internal.NetworkStore.ConsentRow;
import nl.weerbaar.network.internal.NetworkStore.ReferralRow;
import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.registry.Bodies;
import nl.weerbaar.registry.Body;
import nl.weerbaar.registry.Registry;
import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountManagement;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import nl.weerbaar.shared.Refused;
import nl.weerbaar.shared.Refused.Violation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Partners, consent and referrals. A referral needs the client's recorded consent for that partner and those fields;
 * a coordinator may send one without, with a reason that is recorded, audited and shown on the case. What goes to
 * the partner is a sealed copy of the consented fields, made when the referral is sent and wiped when the consent is
 * withdrawn. A partner's user sees only their own organisation's referrals.
 */
@Service
@Transactional
public class Network {

	private static final String COORDINATOR = "COORDINATOR";
	private static final String CLIENT = "CLIENT";
	private static final int TEXT_MAX = 2000;
	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final NetworkStore store;
	private final Cases cases;
	private final Intake intake;
	private final Registry registry;
	private final Bodies bodies;
	private final PersonalData personalData;
	private final AccountManagement accounts;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	Network(NetworkStore store, Cases cases, Intake intake, Registry registry, Bodies bodies, PersonalData personalData,
			AccountManagement accounts, ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.accounts = accounts;
		this.cases = cases;
		this.intake = intake;
		this.registry = registry;
		this.bodies = bodies;
		this.personalData = personalData;
		this.events = events;
		this.clock = clock;
	}

	// --- partners ---

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER', 'ADMIN')")
	public List<PartnerView> partners() {
		return store.partners();
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER', 'ADMIN')")
	public Optional<PartnerView> partner(UUID id) {
		return store.partner(id);
	}

	/** Adds a partner organisation or changes one ({@code id} null adds); reference data, kept by administrators. */
	@PreAuthorize("hasRole('ADMIN')")
	public PartnerView savePartner(UUID id, NetworkData.Partner data, Actor by) {
		List<Violation> violations = new ArrayList<>();
		if (data.code() == null || !data.code().strip().toUpperCase().matches("[A-Z0-9_]{2,40}")) {
			violations.add(new Violation("code", "network.partner.code"));
		}
		Refused.checkText(violations, "name", data.name(), 200, true);
		Refused.checkText(violations, "description", data.description(), TEXT_MAX, false);
		Refused.checkText(violations, "phone", data.phone(), 40, false);
		Refused.checkText(violations, "website", data.website(), 300, false);
		if (data.website() != null && !data.website().isBlank() && !isHttpsAddress(data.website().strip())) {
			// shown as a link to every supporter: only an https:// address, never javascript:, data: or plain http
			violations.add(new Violation("website", "network.partner.website.https"));
		}
		// the length first: on a long enough string even this simple pattern backtracks for a long time
		if (data.email() != null && !data.email().isBlank() && data.email().strip().length() <= 254
				&& !data.email().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
			violations.add(new Violation("email", "field.email.invalid"));
		}
		if (data.services() != null && data.services().stream().anyMatch(s -> s != null && s.length() > 200)) {
			violations.add(new Violation("services", "field.tooLong"));
		}
		Refused.checkSize(violations, "services", data.services(), 50);
		Refused.checkText(violations, "email", data.email(), 254, false);
		Refused.throwIfAny(violations);
		if (id != null && store.partner(id).isEmpty()) {
			throw Refused.invalid("id", "network.partner.unknown");
		}
		UUID partnerId = id == null ? UUID.randomUUID() : id;
		try {
			store.savePartner(partnerId, data, clock.instant());
		}
		catch (DuplicateKeyException taken) {
			throw Refused.conflict("code", "network.partner.codeTaken");
		}
		events.publishEvent(new PartnerChanged(partnerId, by.id(), by.role()));
		return store.partner(partnerId).orElseThrow();
	}

	/** Links a partner user's account to its organisation (one organisation per account). */
	@PreAuthorize("hasRole('ADMIN')")
	public Optional<PartnerView> addMember(UUID partnerId, UUID account, Actor by) {
		if (store.partner(partnerId).isPresent() && !accounts.holdsRole(new AccountId(account), Role.PARTNER)) {
			throw Refused.invalid("accountId", "network.member.notPartner");
		}
		return store.partner(partnerId).map(partner -> {
			store.addMember(partnerId, account);
			events.publishEvent(new PartnerChanged(partnerId, by.id(), by.role()));
			return partner;
		});
	}

	@PreAuthorize("hasRole('ADMIN')")
	public boolean removeMember(UUID partnerId, UUID account, Actor by) {
		boolean removed = store.removeMember(partnerId, account);
		if (removed) {
			events.publishEvent(new PartnerChanged(partnerId, by.id(), by.role()));
		}
		return removed;
	}

	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('ADMIN')")
	public List<UUID> members(UUID partnerId) {
		return store.members(partnerId);
	}

	/** The organisation of this partner user, if their account is linked to one. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('PARTNER')")
	public Optional<PartnerView> ownOrganisation(Actor partner) {
		return store.partnerOf(partner.id()).flatMap(store::partner);
	}

	// --- consent ---

	/**
	 * A client gives or withdraws consent only for themselves, or for whom they filed the request: an office holder
	 * who sees a home-front member's case because the member shares it does not decide what is shared of the member.
	 */
	private Optional<CaseRef> clientDecides(Optional<CaseRef> found, Actor by) {
		return CLIENT.equals(by.role()) ? found.filter(ref -> intake.decidesFor(ref.supportRequestId(), by)) : found;
	}

	private static boolean isHttpsAddress(String website) {
		try {
			java.net.URI uri = new java.net.URI(website);
			return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null && uri.getRawUserInfo() == null;
		}
		catch (java.net.URISyntaxException notAnAddress) {
			return false;
		}
	}

	/** The consents recorded on a case: for its supporter and coordinators, and for its client. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER', 'CLIENT')")
	public Optional<List<ConsentView>> consents(UUID caseId, Actor by) {
		return cases.access(caseId, by).map(ref -> consentViews(ref.id()));
	}

	/**
	 * Records the client's consent to share these fields with this partner: by their supporter or a coordinator on the
	 * client's word ({@code VERBAL}, {@code IN_WRITING}), or by the client themselves ({@code BY_CLIENT_ONLINE}, today;
	 * nobody else may record that way).
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER', 'CLIENT')")
	public Optional<ConsentView> recordConsent(UUID caseId, NetworkData.Consent given, Actor by) {
		Optional<CaseRef> found = clientDecides(cases.access(caseId, by), by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		boolean client = CLIENT.equals(by.role());
		NetworkData.Consent data = client ? new NetworkData.Consent(given.partnerId(), given.fields(), today(),
				given.how() == null ? ConsentHow.BY_CLIENT_ONLINE : given.how()) : given;
		List<Violation> violations = new ArrayList<>();
		if (data.how() != null && client != (data.how() == ConsentHow.BY_CLIENT_ONLINE)) {
			violations.add(new Violation("how", client ? "network.consent.clientOnline" : "network.consent.onlineByClientOnly"));
		}
		if (data.partnerId() == null) {
			violations.add(new Violation("partnerId", "field.required"));
		}
		else if (store.partner(data.partnerId()).filter(PartnerView::active).isEmpty()) {
			violations.add(new Violation("partnerId", "network.partner.unknown"));
		}
		if (data.fields() == null || data.fields().isEmpty()) {
			violations.add(new Violation("fields", "network.fields.required"));
		}
		if (data.how() == null) {
			violations.add(new Violation("how", "field.required"));
		}
		if (data.givenOn() == null) {
			violations.add(new Violation("givenOn", "field.required"));
		}
		else if (data.givenOn().isAfter(today())) {
			violations.add(new Violation("givenOn", "network.consent.inFuture"));
		}
		Refused.throwIfAny(violations);
		requireOpen(found.get());
		UUID id = UUID.randomUUID();
		store.insertConsent(id, caseId, data, by.id(), by.role(), clock.instant());
		events.publishEvent(new ConsentRecorded(id, caseId, data.partnerId(), by.id(), by.role()));
		return consentViews(caseId).stream().filter(c -> c.id().equals(id)).findFirst();
	}

	/**
	 * Withdraws a consent (the client themselves, or their supporter or a coordinator on their word): every referral
	 * resting on it loses its shared data, and those still running are revoked.
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER', 'CLIENT')")
	public Optional<ConsentView> withdrawConsent(UUID caseId, UUID consentId, Actor by) {
		Optional<CaseRef> found = clientDecides(cases.access(caseId, by), by);
		Optional<ConsentRow> consent = store.lockConsent(consentId).filter(c -> c.caseId().equals(caseId));
		if (found.isEmpty() || consent.isEmpty()) {
			return Optional.empty();
		}
		if (consent.get().withdrawnAt() != null) {
			throw Refused.conflict("consent", "network.consent.withdrawn");
		}
		Instant now = clock.instant();
		store.withdrawConsent(consentId, by.id(), by.role(), now);
		int revoked = 0;
		for (ReferralRow referral : store.referralsOnConsent(consentId)) {
			store.wipeShared(referral.id());
			if (!referral.status().isFinal()) {
				store.setStatus(referral.id(), ReferralStatus.REVOKED, now);
				store.insertUpdate(UUID.randomUUID(), referral.id(), referral.status(), ReferralStatus.REVOKED, null, by.id(), by.role(), now);
				events.publishEvent(new ReferralStatusChanged(referral.id(), referral.status(), ReferralStatus.REVOKED, by.id(), by.role()));
				revoked++;
			}
		}
		events.publishEvent(new ConsentWithdrawn(consentId, caseId, revoked, by.id(), by.role()));
		return consentViews(caseId).stream().filter(c -> c.id().equals(consentId)).findFirst();
	}

	// --- referrals, the case's side ---

	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<List<ReferralView>> referrals(UUID caseId, Actor by) {
		return cases.access(caseId, by).map(ref -> {
			Map<UUID, String> names = partnerNames();
			return store.referrals(caseId).stream().map(row -> referralView(ref, row, names)).toList();
		});
	}

	/** One referral of a case; asked under another case, or without access, it is unknown (recorded). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ReferralView> referral(UUID caseId, UUID referralId, Actor by) {
		Optional<ReferralRow> row = store.referral(referralId).filter(r -> r.caseId().equals(caseId));
		Optional<CaseRef> ref = cases.access(caseId, by);
		events.publishEvent(new ReferralRead(referralId, ref.isPresent() && row.isPresent(), by.id(), by.role()));
		if (ref.isEmpty() || row.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(referralView(ref.get(), row.get(), partnerNames()));
	}

	/**
	 * Sends a referral behind the consent gate: refused without an active consent for this partner covering every field,
	 * unless a coordinator gives a reason to override it.
	 */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ReferralView> refer(UUID caseId, NetworkData.Referral data, Actor by) {
		Optional<CaseRef> found = cases.access(caseId, by);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		List<Violation> violations = new ArrayList<>();
		Optional<PartnerView> partner = data.partnerId() == null ? Optional.empty() : store.partner(data.partnerId()).filter(PartnerView::active);
		if (data.partnerId() == null) {
			violations.add(new Violation("partnerId", "field.required"));
		}
		else if (partner.isEmpty()) {
			violations.add(new Violation("partnerId", "network.partner.unknown"));
		}
		if (data.instrument() == null) {
			violations.add(new Violation("instrument", "field.required"));
		}
		if (data.fields() == null || data.fields().isEmpty()) {
			violations.add(new Violation("fields", "network.fields.required"));
		}
		Refused.checkText(violations, "note", data.note(), TEXT_MAX, false);
		Refused.checkText(violations, "overrideReason", data.overrideReason(), TEXT_MAX, false);
		Refused.throwIfAny(violations);
		CaseRef ref = requireOpen(found.get());
		Optional<ConsentRow> consent = store.consents(caseId)
			.stream()
			.filter(c -> c.withdrawnAt() == null && c.partnerId().equals(data.partnerId()) && c.fields().containsAll(data.fields()))
			.findFirst();
		boolean override = consent.isEmpty();
		if (override) {
			if (blank(data.overrideReason())) {
				throw Refused.conflict("consent", "network.referral.noConsent");
			}
			if (!COORDINATOR.equals(by.role())) {
				throw Refused.conflict("overrideReason", "network.referral.overrideByCoordinator");
			}
		}
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		SubjectId subject = new SubjectId(ref.supportRequestId());
		byte[] shared = personalData.seal(subject, location("shared", id), JSON.writeValueAsString(sharedValues(ref, data, by)));
		byte[] reason = override ? personalData.seal(subject, location("override_reason", id), data.overrideReason().strip()) : null;
		store.insertReferral(id, caseId, data, consent.map(ConsentRow::id).orElse(null), reason, override ? by.id() : null, shared,
				by.id(), by.role(), now);
		store.insertUpdate(UUID.randomUUID(), id, null, ReferralStatus.SENT, null, by.id(), by.role(), now);
		events.publishEvent(new ReferralSent(id, caseId, data.partnerId(), override, by.id(), by.role()));
		return Optional.of(referralView(ref, store.referral(id).orElseThrow(), partnerNames()));
	}

	/** The case withdraws a referral that is still running. */
	@PreAuthorize("hasAnyRole('COORDINATOR', 'SUPPORTER')")
	public Optional<ReferralView> revoke(UUID caseId, UUID referralId, Actor by) {
		Optional<CaseRef> ref = cases.access(caseId, by);
		Optional<ReferralRow> row = store.lockReferral(referralId).filter(r -> r.caseId().equals(caseId));
		if (ref.isEmpty() || row.isEmpty()) {
			return Optional.empty();
		}
		move(row.get(), ReferralStatus.REVOKED, null, by);
		return Optional.of(referralView(ref.get(), store.referral(referralId).orElseThrow(), partnerNames()));
	}

	/** The client's view of their case's referrals and where they stand. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('CLIENT')")
	public Optional<List<ClientReferralView>> clientReferrals(UUID caseId, Actor by) {
		return cases.access(caseId, by).map(ref -> {
			Map<UUID, String> names = partnerNames();
			return store.referrals(caseId).stream()
				.map(r -> new ClientReferralView(r.id(), names.get(r.partnerId()), r.instrument(), r.status(), r.updatedAt()))
				.toList();
		});
	}

	// --- referrals, the partner's side ---

	/** The referrals addressed to this partner user's organisation, most recently changed first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('PARTNER')")
	public List<PartnerReferralItem> inbox(Actor partner) {
		return store.partnerOf(partner.id())
			.map(org -> store.referralsOfPartner(org).stream()
				.map(r -> new PartnerReferralItem(r.id(), r.instrument(), r.status(), r.createdAt(), r.updatedAt()))
				.toList())
			.orElse(List.of());
	}

	/** A referral to this partner's organisation, with only the consented fields; another's is unknown (recorded). */
	@Transactional(readOnly = true)
	@PreAuthorize("hasRole('PARTNER')")
	public Optional<PartnerReferralView> forPartner(UUID referralId, Actor partner) {
		Optional<ReferralRow> row = ownReferral(store.referral(referralId), partner);
		events.publishEvent(new ReferralRead(referralId, row.isPresent(), partner.id(), partner.role()));
		return row.map(this::partnerView);
	}

	/** The partner moves the referral on (accepted, done, declined) with a short message back. */
	@PreAuthorize("hasRole('PARTNER')")
	public Optional<PartnerReferralView> answer(UUID referralId, NetworkData.StatusUpdate update, Actor partner) {
		Optional<ReferralRow> row = ownReferral(store.lockReferral(referralId), partner);
		if (row.isEmpty()) {
			events.publishEvent(new ReferralRead(referralId, false, partner.id(), partner.role()));
			return Optional.empty();
		}
		List<Violation> violations = new ArrayList<>();
		if (update.status() == null) {
			violations.add(new Violation("status", "field.required"));
		}
		Refused.checkText(violations, "message", update.message(), TEXT_MAX, false);
		Refused.throwIfAny(violations);
		if (!row.get().status().partnerMoves().contains(update.status())) {
			throw Refused.conflict("status", "network.referral.notAllowed");
		}
		move(row.get(), update.status(), update.message(), partner);
		return store.referral(referralId).map(this::partnerView);
	}

	private void move(ReferralRow row, ReferralStatus to, String message, Actor by) {
		if (row.status().isFinal() || (to == ReferralStatus.REVOKED && row.status() == ReferralStatus.REVOKED)) {
			throw Refused.conflict("status", "network.referral.final");
		}
		Instant now = clock.instant();
		store.setStatus(row.id(), to, now);
		UUID updateId = UUID.randomUUID();
		store.insertUpdate(updateId, row.id(), row.status(), to,
				blank(message) ? null : personalData.seal(subjectOf(row), location("message", updateId), message.strip()), by.id(), by.role(), now);
		events.publishEvent(new ReferralStatusChanged(row.id(), row.status(), to, by.id(), by.role()));
	}

	private Optional<ReferralRow> ownReferral(Optional<ReferralRow> row, Actor partner) {
		Optional<UUID> org = store.partnerOf(partner.id());
		return row.filter(r -> org.isPresent() && org.get().equals(r.partnerId()));
	}

	/** The values of the consented fields as they are now, for the sealed copy that goes to the partner. */
	private Map<String, String> sharedValues(CaseRef ref, NetworkData.Referral data, Actor by) {
		Intake.Facts facts = intake.facts(List.of(ref.supportRequestId())).stream().findFirst().orElseThrow();
		Set<SharedField> fields = data.fields();
		Optional<Registry.ContactCard> card = facts.subjectId() != null
				&& (fields.contains(SharedField.NAME) || fields.contains(SharedField.EMAIL) || fields.contains(SharedField.PHONE))
						? registry.contactCard(facts.subjectId(), by) : Optional.empty();
		Map<String, String> values = new HashMap<>();
		for (SharedField field : fields) {
			String value = switch (field) {
				case NAME -> card.map(Registry.ContactCard::name).orElse(null);
				case EMAIL -> card.map(Registry.ContactCard::email).orElse(null);
				case PHONE -> card.map(Registry.ContactCard::phone).orElse(null);
				case FUNCTION -> facts.function() == null ? null : facts.function().name();
				case BODY -> facts.bodyCode() == null ? null : bodies.byCode(facts.bodyCode()).map(Body::name).orElse(facts.bodyCode());
				case INCIDENT_KINDS -> facts.incidentKinds().stream().map(Enum::name).sorted().collect(Collectors.joining(", "));
				case NOTE -> blank(data.note()) ? null : data.note().strip();
			};
			if (value != null && !value.isBlank()) {
				values.put(field.name(), value);
			}
		}
		return values;
	}

	private PartnerReferralView partnerView(ReferralRow row) {
		Map<SharedField, String> shared = new EnumMap<>(SharedField.class);
		personalData.open(subjectOf(row), location("shared", row.id()), row.shared())
			.map(json -> JSON.readValue(json, new TypeReference<Map<String, String>>() {
			}))
			.ifPresent(values -> values.forEach((key, value) -> shared.put(SharedField.valueOf(key), value)));
		return new PartnerReferralView(row.id(), row.instrument(), row.status(), row.createdAt(), row.updatedAt(), shared,
				row.shared() == null, updates(row), row.status().partnerMoves());
	}

	private ReferralView referralView(CaseRef ref, ReferralRow row, Map<UUID, String> names) {
		SubjectId subject = new SubjectId(ref.supportRequestId());
		String note = null;
		if (row.fields().contains(SharedField.NOTE) && row.shared() != null) {
			note = personalData.open(subject, location("shared", row.id()), row.shared())
				.map(json -> JSON.readValue(json, new TypeReference<Map<String, String>>() {
				}).get(SharedField.NOTE.name()))
				.orElse(null);
		}
		return new ReferralView(row.id(), row.caseId(), row.partnerId(), names.get(row.partnerId()), row.instrument(), row.fields(),
				row.status(), row.consentId(), row.consentId() == null, personalData.open(subject, location("override_reason", row.id()), row.overrideReason()).orElse(null),
				note, row.createdAt(), row.updatedAt(), updates(row));
	}

	private List<UpdateView> updates(ReferralRow row) {
		return store.updates(row.id())
			.stream()
			.map(u -> new UpdateView(u.from(), u.to(), personalData.open(subjectOf(row), location("message", u.id()), u.message()).orElse(null),
					u.actorRole(), u.at()))
			.toList();
	}

	private List<ConsentView> consentViews(UUID caseId) {
		Map<UUID, String> names = partnerNames();
		return store.consents(caseId)
			.stream()
			.map(c -> new ConsentView(c.id(), c.partnerId(), names.get(c.partnerId()), c.fields(), c.givenOn(), c.how(), c.recordedRole(),
					c.recordedAt(), c.withdrawnAt() == null, c.withdrawnAt(), c.withdrawnRole()))
			.toList();
	}

	/** Referral content is sealed under its request's data key: erasing the request shreds it. */
	private SubjectId subjectOf(ReferralRow row) {
		return new SubjectId(cases.requestOf(row.caseId()));
	}

	private Map<UUID, String> partnerNames() {
		return store.partners().stream().collect(Collectors.toMap(PartnerView::id, PartnerView::name, (a, b) -> a));
	}

	private static CaseRef requireOpen(CaseRef ref) {
		if (ref.status() != CaseStatus.OPEN) {
			throw Refused.conflict("status", "cases.closed.refused");
		}
		return ref;
	}

	private static FieldLocation location(String column, UUID id) {
		return new FieldLocation("referral", column, id.toString());
	}

	private LocalDate today() {
		return clock.instant().atZone(FirstContactDeadlines.AMSTERDAM).toLocalDate();
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}
}
