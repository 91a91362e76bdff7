package nl.weerbaar.cases.internal;

import java.util.List;

import nl.weerbaar.cases.CaseEvents.CaseClosed;
import nl.weerbaar.intake.Intake;
import nl.weerbaar.registry.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Invites the client to evaluate a closed case by e-mail, once the closure is committed: a sentence and a link to
 * sign in, no case content. A client without a known address (or without an account) finds the invitation on their
 * case page.
 */
@Component
class EvaluationInvitations {

	private static final Logger log = LoggerFactory.getLogger(EvaluationInvitations.class);

	private final Intake intake;
	private final Registry registry;
	private final Mailbox mailbox;

	EvaluationInvitations(Intake intake, Registry registry, Mailbox mailbox) {
		this.intake = intake;
		this.registry = registry;
		this.mailbox = mailbox;
	}

	@TransactionalEventListener
	void on(CaseClosed closed) {
		if (!mailbox.configured()) {
			return;
		}
		intake.facts(List.of(closed.request()))
			.stream()
			.findFirst()
			.filter(facts -> facts.subjectId() != null)
			.flatMap(facts -> registry.contactCard(facts.subjectId(), null))
			.filter(card -> card.email() != null)
			.ifPresent(card -> {
				try {
					mailbox.send(card.email(), "Weerbaar: hoe was de ondersteuning? / How was the support?", """
							Uw ondersteuning door het Ondersteuningsteam Weerbaar Bestuur is afgerond. Wilt u ons laten weten hoe
							die was? Het kost een minuut. Meld u aan en kies 'Mijn ondersteuning':

							The support from the Ondersteuningsteam Weerbaar Bestuur has ended. Would you tell us how it was? It
							takes a minute. Sign in and choose 'My support':

							%s
							--
							Weerbaar, Ondersteuningsteam Weerbaar Bestuur
							""".formatted(mailbox.link("/my/cases")));
				}
				catch (MailException e) {
					log.warn("The evaluation invitation for case {} could not be sent", closed.caseId());
				}
			});
	}
}
