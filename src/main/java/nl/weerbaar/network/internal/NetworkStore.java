package nl.weerbaar.network.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.weerbaar.network.ConsentHow;
import nl.weerbaar.network.Instrument;
import nl.weerbaar.network.NetworkData;
import nl.weerbaar.network.NetworkViews.PartnerView;
import nl.weerbaar.network.ReferralStatus;
import nl.weerbaar.network.SharedField;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Partners, consents and referrals in plain SQL; sealed columns stay sealed here. */
@Component
public class NetworkStore {

	public record ConsentRow(UUID id, UUID caseId, UUID partnerId, Set<SharedField> fields, LocalDate givenOn, ConsentHow how,
			UUID recordedBy, String recordedRole, Instant recordedAt, Instant withdrawnAt, String withdrawnRole) {
	}

	public record ReferralRow(UUID id, UUID caseId, UUID partnerId, Instrument instrument, UUID consentId, byte[] overrideReason,
			Set<SharedField> fields, byte[] shared, ReferralStatus status, String createdRole, Instant createdAt, Instant updatedAt) {
	}

	public record UpdateRow(UUID id, ReferralStatus from, ReferralStatus to, byte[] message, String actorRole, Instant at) {
	}

	private final JdbcClient jdbc;

	NetworkStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<PartnerView> partners() {
		return jdbc.sql("select * from partner order by name").query(NetworkStore::partner).list();
	}

	public Optional<PartnerView> partner(UUID id) {
		return jdbc.sql("select * from partner where id = ?").param(id).query(NetworkStore::partner).optional();
	}

	public void savePartner(UUID id, NetworkData.Partner data, Instant at) {
		jdbc.sql("""
				insert into partner (id, code, name, description, services, instruments, phone, email, website, active, updated_at)
				values (:id, :code, :name, :description, :services, :instruments, :phone, :email, :website, :active, :at)
				on conflict (id) do update set code = :code, name = :name, description = :description, services = :services,
				    instruments = :instruments, phone = :phone, email = :email, website = :website, active = :active, updated_at = :at""")
			.param("id", id)
			.param("code", data.code().strip().toUpperCase())
			.param("name", data.name().strip())
			.param("description", data.description() == null ? "" : data.description().strip())
			.param("services", data.services() == null ? new String[0]
					: data.services().stream().filter(s -> s != null && !s.isBlank()).map(String::strip).toArray(String[]::new))
			.param("instruments", data.instruments() == null ? new String[0] : data.instruments().stream().map(Enum::name).toArray(String[]::new))
			.param("phone", blankToNull(data.phone()))
			.param("email", blankToNull(data.email()))
			.param("website", blankToNull(data.website()))
			.param("active", data.active() == null || data.active())
			.param("at", Timestamp.from(at))
			.update();
	}

	public Optional<UUID> partnerOf(UUID account) {
		return jdbc.sql("select partner_id from partner_member where account_id = ?").param(account).query(UUID.class).optional();
	}

	public void addMember(UUID partner, UUID account) {
		jdbc.sql("insert into partner_member (account_id, partner_id) values (?, ?) on conflict (account_id) do update set partner_id = excluded.partner_id")
			.params(account, partner)
			.update();
	}

	public boolean removeMember(UUID partner, UUID account) {
		return jdbc.sql("delete from partner_member where account_id = ? and partner_id = ?").params(account, partner).update() == 1;
	}

	public List<UUID> members(UUID partner) {
		return jdbc.sql("select account_id from partner_member where partner_id = ?").param(partner).query(UUID.class).list();
	}

	public void insertConsent(UUID id, UUID caseId, NetworkData.Consent data, UUID by, String role, Instant at) {
		jdbc.sql("""
				insert into consent (id, case_id, partner_id, fields, given_on, given_how, recorded_by, recorded_role, recorded_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, caseId, data.partnerId(), names(data.fields()), java.sql.Date.valueOf(data.givenOn()), data.how().name(), by, role,
					Timestamp.from(at))
			.update();
	}

	public List<ConsentRow> consents(UUID caseId) {
		return jdbc.sql("select * from consent where case_id = ? order by recorded_at desc").param(caseId).query(NetworkStore::consent).list();
	}

	public Optional<ConsentRow> lockConsent(UUID id) {
		return jdbc.sql("select * from consent where id = ? for update").param(id).query(NetworkStore::consent).optional();
	}

	public void withdrawConsent(UUID id, UUID by, String role, Instant at) {
		jdbc.sql("update consent set withdrawn_at = ?, withdrawn_by = ?, withdrawn_role = ? where id = ?")
			.params(Timestamp.from(at), by, role, id)
			.update();
	}

	public void insertReferral(UUID id, UUID caseId, NetworkData.Referral data, UUID consentId, byte[] overrideReason, UUID overrideBy,
			byte[] shared, UUID by, String role, Instant at) {
		jdbc.sql("""
				insert into referral (id, case_id, partner_id, instrument, consent_id, override_reason, override_by, fields, shared,
				                      status, created_by, created_role, created_at, updated_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SENT', ?, ?, ?, ?)""")
			.params(id, caseId, data.partnerId(), data.instrument().name(), consentId, overrideReason, overrideBy, names(data.fields()), shared,
					by, role, Timestamp.from(at), Timestamp.from(at))
			.update();
	}

	public List<ReferralRow> referrals(UUID caseId) {
		return jdbc.sql("select * from referral where case_id = ? order by created_at desc").param(caseId).query(NetworkStore::referral).list();
	}

	public List<ReferralRow> referralsOfPartner(UUID partner) {
		return jdbc.sql("select * from referral where partner_id = ? order by updated_at desc").param(partner).query(NetworkStore::referral).list();
	}

	public List<ReferralRow> referralsOnConsent(UUID consent) {
		return jdbc.sql("select * from referral where consent_id = ? for update").param(consent).query(NetworkStore::referral).list();
	}

	public Optional<ReferralRow> referral(UUID id) {
		return jdbc.sql("select * from referral where id = ?").param(id).query(NetworkStore::referral).optional();
	}

	public Optional<ReferralRow> lockReferral(UUID id) {
		return jdbc.sql("select * from referral where id = ? for update").param(id).query(NetworkStore::referral).optional();
	}

	public void setStatus(UUID id, ReferralStatus status, Instant at) {
		jdbc.sql("update referral set status = ?, updated_at = ? where id = ?").params(status.name(), Timestamp.from(at), id).update();
	}

	public void wipeShared(UUID id) {
		jdbc.sql("update referral set shared = null where id = ?").param(id).update();
	}

	public void insertUpdate(UUID id, UUID referral, ReferralStatus from, ReferralStatus to, byte[] message, UUID by, String role,
			Instant at) {
		jdbc.sql("""
				insert into referral_update (id, referral_id, from_status, to_status, message, actor_id, actor_role, at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, referral, from == null ? null : from.name(), to.name(), message, by, role, Timestamp.from(at))
			.update();
	}

	public List<UpdateRow> updates(UUID referral) {
		return jdbc.sql("select * from referral_update where referral_id = ? order by at")
			.param(referral)
			.query((rs, n) -> {
				String from = rs.getString("from_status");
				return new UpdateRow(rs.getObject("id", UUID.class), from == null ? null : ReferralStatus.valueOf(from),
						ReferralStatus.valueOf(rs.getString("to_status")), rs.getBytes("message"), rs.getString("actor_role"),
						rs.getTimestamp("at").toInstant());
			})
			.list();
	}

	private static PartnerView partner(ResultSet rs, int n) throws SQLException {
		return new PartnerView(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getString("description"),
				List.of(strings(rs.getArray("services"))),
				Arrays.stream(strings(rs.getArray("instruments"))).map(Instrument::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Instrument.class))),
				rs.getString("phone"), rs.getString("email"), rs.getString("website"), rs.getBoolean("active"));
	}

	private static ConsentRow consent(ResultSet rs, int n) throws SQLException {
		Timestamp withdrawn = rs.getTimestamp("withdrawn_at");
		return new ConsentRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("partner_id", UUID.class),
				fields(rs.getArray("fields")), rs.getDate("given_on").toLocalDate(), ConsentHow.valueOf(rs.getString("given_how")),
				rs.getObject("recorded_by", UUID.class), rs.getString("recorded_role"), rs.getTimestamp("recorded_at").toInstant(),
				withdrawn == null ? null : withdrawn.toInstant(), rs.getString("withdrawn_role"));
	}

	private static ReferralRow referral(ResultSet rs, int n) throws SQLException {
		return new ReferralRow(rs.getObject("id", UUID.class), rs.getObject("case_id", UUID.class), rs.getObject("partner_id", UUID.class),
				Instrument.valueOf(rs.getString("instrument")), rs.getObject("consent_id", UUID.class), rs.getBytes("override_reason"),
				fields(rs.getArray("fields")), rs.getBytes("shared"), ReferralStatus.valueOf(rs.getString("status")),
				rs.getString("created_role"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
	}

	private static Set<SharedField> fields(Array array) throws SQLException {
		return Arrays.stream(strings(array)).map(SharedField::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(SharedField.class)));
	}

	private static String[] strings(Array array) throws SQLException {
		return array == null ? new String[0] : (String[]) array.getArray();
	}

	private static String[] names(Collection<? extends Enum<?>> values) {
		return values.stream().map(Enum::name).sorted().toArray(String[]::new);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}
