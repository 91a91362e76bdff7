package nl.weerbaar.network.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import nl.weerbaar.privacy.PersonalDataSource;
import nl.weerbaar.privacy.SubjectId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The network's part of a person's data export: the consents they gave and the referrals made for them, to whom,
 * with which fields and where they stand. The shared copies are sealed under the request's key (shredded with it).
 */
@Component
class NetworkPersonalData implements PersonalDataSource {

	private final JdbcClient jdbc;
	private final NetworkStore store;

	NetworkPersonalData(JdbcClient jdbc, NetworkStore store) {
		this.jdbc = jdbc;
		this.store = store;
	}

	@Override
	public String section() {
		return "network";
	}

	@Override
	public Map<String, Object> export(SubjectId subject) {
		// a home-front member's referrals go into the office holder's export only while the member shares the request
		List<UUID> cases = jdbc.sql("""
				select c.id from support_case c join support_request r on r.id = c.request_id
				where r.subject_id = :id or (r.office_holder_id = :id and r.home_front and r.shared_with_office_holder)""")
			.param("id", subject.value())
			.query(UUID.class)
			.list();
		Map<UUID, String> partners = new LinkedHashMap<>();
		store.partners().forEach(p -> partners.put(p.id(), p.name()));
		List<Map<String, Object>> consents = cases.stream().flatMap(c -> store.consents(c).stream()).map(c -> {
			Map<String, Object> consent = new LinkedHashMap<>();
			consent.put("partner", partners.get(c.partnerId()));
			consent.put("fields", c.fields());
			consent.put("givenOn", c.givenOn());
			consent.put("how", c.how());
			consent.put("withdrawnAt", c.withdrawnAt());
			return consent;
		}).toList();
		List<Map<String, Object>> referrals = cases.stream().flatMap(c -> store.referrals(c).stream()).map(r -> {
			Map<String, Object> referral = new LinkedHashMap<>();
			referral.put("partner", partners.get(r.partnerId()));
			referral.put("instrument", r.instrument());
			referral.put("fields", r.fields());
			referral.put("status", r.status());
			referral.put("withoutConsent", r.consentId() == null);
			referral.put("sentAt", r.createdAt());
			return referral;
		}).toList();
		if (consents.isEmpty() && referrals.isEmpty()) {
			return Map.of();
		}
		return Map.of("consents", consents, "referrals", referrals);
	}
}
