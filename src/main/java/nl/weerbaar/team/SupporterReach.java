package nl.weerbaar.team;

import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.privacy.FieldLocation;
import nl.weerbaar.privacy.PersonalData;
import nl.weerbaar.privacy.SubjectId;
import nl.weerbaar.team.internal.Supporter;
import nl.weerbaar.team.internal.Supporters;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a supporter is reached: by their own client (first name and work contact details), and by Weerbaar's
 * notifications. Unlike {@link Team} this has no role check of its own: the calling module has decided that the case
 * is the client's, or it runs as a job without a signed-in person.
 */
@Service
@Transactional(readOnly = true)
public class SupporterReach {

	/** The supporter as their client sees them. */
	public record Reach(String firstName, String email, String phone) {
	}

	private final Supporters supporters;
	private final PersonalData personalData;
	private final JdbcClient jdbc;

	SupporterReach(Supporters supporters, PersonalData personalData, JdbcClient jdbc) {
		this.supporters = supporters;
		this.personalData = personalData;
		this.jdbc = jdbc;
	}

	/** Not recorded as a read: these details are given to the supporter's clients on purpose. */
	public Optional<Reach> forClient(UUID supporterId) {
		return supporters.findById(supporterId).map(supporter -> new Reach(supporter.view(null, null).name().strip().split("\\s+")[0],
				email(supporter).orElse(null),
				personalData.open(new SubjectId(supporterId), location("phone", supporterId), supporter.sealedPhone()).orElse(null)));
	}

	/** Where to send notifications for the supporter with this account (reminders); never shown. */
	public Optional<String> notificationAddress(UUID account) {
		return jdbc.sql("select id from supporter where account_id = ?")
			.param(account)
			.query(UUID.class)
			.optional()
			.flatMap(supporters::findById)
			.flatMap(this::email);
	}

	private Optional<String> email(Supporter supporter) {
		return personalData.open(new SubjectId(supporter.id()), location("email", supporter.id()), supporter.sealedEmail());
	}

	private static FieldLocation location(String column, UUID row) {
		return new FieldLocation("supporter", column, row.toString());
	}
}
