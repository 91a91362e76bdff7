package nl.weerbaar.security.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.ApprovalAction;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Requests one administrator makes and another decides on ({@code account_approval}). A request is pending until it is
 * decided or expires; nobody decides their own request (the database refuses it too).
 */
@Component
public class Approvals {

	/** A request as stored; {@code outcome} is null while pending. */
	public record Request(UUID id, AccountId account, ApprovalAction action, AccountId requestedBy, Instant requestedAt,
			Instant expiresAt, AccountId decidedBy, String outcome) {

		public boolean pendingAt(Instant now) {
			return outcome == null && expiresAt.isAfter(now);
		}
	}

	private final JdbcClient jdbc;
	private final Duration lifetime;
	private final Clock clock;

	Approvals(JdbcClient jdbc, SecurityProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.lifetime = properties.approvalLifetime();
		this.clock = clock;
	}

	/**
	 * Whether {@code by} is the founding administrator, who may appoint the second administrator alone: nobody else
	 * holds the role and the installation has never had two administrators ({@code administrator_pairing}). Once two
	 * accounts hold it, that is recorded for good, so removing the others does not bring the exception back. Holds a
	 * transaction lock, so two appointments at once cannot both pass.
	 */
	public boolean founding(AccountId by) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext('administrator_pairing'))").query((rs, n) -> 1).list();
		recordPairing();
		boolean paired = jdbc.sql("select count(*) from administrator_pairing").query(Long.class).single() > 0;
		boolean others = jdbc.sql("select count(*) from account_role where role = 'ADMIN' and account_id <> ?")
			.param(by.value()).query(Long.class).single() > 0;
		return !paired && !others;
	}

	/** Records, once, that the installation has two administrators. */
	public void recordPairing() {
		jdbc.sql("""
				insert into administrator_pairing (id, paired_at)
				select 1, ? where (select count(distinct account_id) from account_role where role = 'ADMIN') >= 2
				on conflict (id) do nothing""")
			.param(Timestamp.from(clock.instant()))
			.update();
	}

	/** A new pending request; empty when the same one is already pending for this account. */
	public Optional<UUID> request(AccountId account, ApprovalAction action, AccountId by) {
		Instant now = clock.instant();
		// one at a time per account and action: the row lock on the account makes a parallel second request wait
		jdbc.sql("select id from account where id = ? for update").param(account.value()).query(UUID.class).optional();
		boolean pending = jdbc.sql("""
				select count(*) from account_approval
				where account_id = ? and action = ? and decided_at is null and expires_at > ?""")
			.params(account.value(), action.name(), Timestamp.from(now))
			.query(Long.class)
			.single() > 0;
		if (pending) {
			return Optional.empty();
		}
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				insert into account_approval (id, account_id, action, requested_by, requested_at, expires_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, account.value(), action.name(), by.value(), Timestamp.from(now),
					Timestamp.from(now.plus(lifetime)))
			.update();
		return Optional.of(id);
	}

	/** The request, locked for a decision. */
	public Optional<Request> lock(UUID id) {
		return jdbc.sql("select * from account_approval where id = ? for update")
			.param(id)
			.query(Approvals::request)
			.optional();
	}

	/** Records the decision; false when the request was decided or expired meanwhile. */
	public boolean decide(UUID id, AccountId by, boolean approved) {
		Instant now = clock.instant();
		return jdbc.sql("""
				update account_approval set decided_by = ?, decided_at = ?, outcome = ?
				where id = ? and decided_at is null and expires_at > ? and requested_by <> ?""")
			.params(by.value(), Timestamp.from(now), approved ? "APPROVED" : "REJECTED", id, Timestamp.from(now),
					by.value())
			.update() == 1;
	}

	/** Every pending request, oldest first. */
	public List<Request> pending() {
		return jdbc.sql("""
				select * from account_approval where decided_at is null and expires_at > ?
				order by requested_at limit 500""")
			.param(Timestamp.from(clock.instant()))
			.query(Approvals::request)
			.list();
	}

	/** The pending requests for one account. */
	public List<Request> pendingFor(AccountId account) {
		return jdbc.sql("""
				select * from account_approval where account_id = ? and decided_at is null and expires_at > ?
				order by requested_at""")
			.params(account.value(), Timestamp.from(clock.instant()))
			.query(Approvals::request)
			.list();
	}

	/**
	 * How many pending requests {@code admin} could decide: made by someone else, for someone else's account that
	 * they did not create.
	 */
	public long decidableBy(AccountId admin) {
		return jdbc.sql("""
				select count(*) from account_approval a
				where decided_at is null and expires_at > ? and requested_by <> ? and account_id <> ?
				  and not exists (select 1 from account c where c.id = a.account_id and c.created_by = ?)""")
			.params(Timestamp.from(clock.instant()), admin.value(), admin.value(), admin.value())
			.query(Long.class)
			.single();
	}

	private static Request request(ResultSet rs, int row) throws SQLException {
		UUID decidedBy = rs.getObject("decided_by", UUID.class);
		return new Request(rs.getObject("id", UUID.class), new AccountId(rs.getObject("account_id", UUID.class)),
				ApprovalAction.valueOf(rs.getString("action")),
				new AccountId(rs.getObject("requested_by", UUID.class)), rs.getTimestamp("requested_at").toInstant(),
				rs.getTimestamp("expires_at").toInstant(), decidedBy == null ? null : new AccountId(decidedBy),
				rs.getString("outcome"));
	}
}
