package nl.weerbaar.network.internal;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.cases.CaseStatus;
import nl.weerbaar.cases.CaseSummary;
import nl.weerbaar.cases.Cases;
import nl.weerbaar.intake.FirstContactDeadlines;
import nl.weerbaar.network.ConsentHow;
import nl.weerbaar.network.Instrument;
import nl.weerbaar.network.Network;
import nl.weerbaar.network.NetworkData;
import nl.weerbaar.network.NetworkViews.ConsentView;
import nl.weerbaar.network.NetworkViews.PartnerView;
import nl.weerbaar.network.NetworkViews.ReferralView;
import nl.weerbaar.network.ReferralStatus;
import nl.weerbaar.network.SharedField;
import nl.weerbaar.platform.Installation;
import nl.weerbaar.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The demo's network (demo profile): {@code demo-partner} works for the CCV; running cases have consents and
 * referrals in every state, one sent by a coordinator without consent, and one whose consent the client withdrew.
 */
@Component
@Profile(Installation.DEMO_PROFILE)
@Order(70)
class DemoNetwork implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoNetwork.class);
	private static final Actor DESK = new Actor(new UUID(0, 0), "COORDINATOR");
	private static final Actor CCV_DESK = new Actor(new UUID(0, 1), "PARTNER");

	private final Network network;
	private final NetworkStore store;
	private final Cases cases;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	DemoNetwork(Network network, NetworkStore store, Cases cases, JdbcClient jdbc, TransactionTemplate transaction) {
		this.network = network;
		this.store = store;
		this.cases = cases;
		this.jdbc = jdbc;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.sql("select exists (select 1 from referral)").query(Boolean.class).single()) {
			return;
		}
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated("demo-data", null,
				AuthorityUtils.createAuthorityList("ROLE_COORDINATOR")));
		try {
			transaction.executeWithoutResult(status -> refer());
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private void refer() {
		List<PartnerView> partners = store.partners();
		Optional<PartnerView> ccv = partners.stream().filter(p -> p.code().equals("CCV")).findFirst();
		Optional<PartnerView> police = partners.stream().filter(p -> p.code().equals("POLITIE")).findFirst();
		Optional<PartnerView> dji = partners.stream().filter(p -> p.code().equals("DJI")).findFirst();
		if (ccv.isEmpty() || police.isEmpty() || dji.isEmpty()) {
			return;
		}
		jdbc.sql("select id from account where username = 'demo-partner'").query(UUID.class).optional()
			.ifPresent(account -> store.addMember(ccv.get().id(), account));
		// demo-supporter's own cases first, so that the supporter's pages show referrals too
		UUID demoSupporter = jdbc.sql("select id from supporter where account_id = (select id from account where username = 'demo-supporter')")
			.query(UUID.class).optional().orElse(null);
		List<CaseSummary> open = cases.list(CaseStatus.OPEN, DESK).stream()
			.sorted(java.util.Comparator.comparing((CaseSummary c) -> !c.supporterId().equals(demoSupporter)))
			.limit(8)
			.toList();
		LocalDate today = LocalDate.now(FirstContactDeadlines.AMSTERDAM);
		int made = 0;
		for (int i = 0; i < open.size(); i++) {
			UUID caseId = open.get(i).id();
			switch (i % 4) {
				case 0, 1 -> {
					network.recordConsent(caseId, new NetworkData.Consent(ccv.get().id(),
							EnumSet.of(SharedField.NAME, SharedField.PHONE, SharedField.BODY, SharedField.NOTE), today.minusDays(2), ConsentHow.VERBAL), DESK);
					ReferralView referral = network.refer(caseId, new NetworkData.Referral(ccv.get().id(), Instrument.HOME_SECURITY_SCAN,
							EnumSet.of(SharedField.NAME, SharedField.PHONE, SharedField.BODY, SharedField.NOTE),
							"Graag een woningscan; bellen na 17:00.", null), DESK).orElseThrow();
					if (i % 4 == 1) {
						store.setStatus(referral.id(), ReferralStatus.ACCEPTED, java.time.Instant.now());
						store.insertUpdate(UUID.randomUUID(), referral.id(), ReferralStatus.SENT, ReferralStatus.ACCEPTED, null, CCV_DESK.id(),
								CCV_DESK.role(), java.time.Instant.now());
					}
				}
				case 2 -> network.refer(caseId, new NetworkData.Referral(police.get().id(), Instrument.POLICE_REPORT_GUIDANCE,
						EnumSet.of(SharedField.NAME, SharedField.FUNCTION, SharedField.INCIDENT_KINDS), null,
						"Acute dreiging; cliënt niet bereikbaar, aangifte moet vandaag voorbereid worden."), DESK);
				default -> {
					ConsentView consent = network.recordConsent(caseId, new NetworkData.Consent(dji.get().id(),
							EnumSet.of(SharedField.NAME, SharedField.EMAIL), today.minusDays(5), ConsentHow.IN_WRITING), DESK).orElseThrow();
					network.refer(caseId, new NetworkData.Referral(dji.get().id(), Instrument.TRAINING,
							EnumSet.of(SharedField.NAME, SharedField.EMAIL), null, null), DESK);
					network.withdrawConsent(caseId, consent.id(), DESK);
				}
			}
			made++;
		}
		log.info("Demo data: referrals on {} cases; demo-partner works for the CCV", made);
	}
}
