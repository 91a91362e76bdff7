package nl.weerbaar.audit.internal;

import java.sql.SQLException;
import java.util.function.Function;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A small connection pool of the audit trail's own, on the same database and with the same settings as the main pool,
 * from which every record is appended in a transaction of its own. A reader holds a main connection while its read is
 * recorded; taking the record's connection from the main pool too would let a burst of reads hold every main
 * connection while each waits for a second one. This pool never waits on the main pool, so a burst only queues here,
 * briefly, behind the chain head's row lock.
 */
@Component
public class AuditPool implements DisposableBean {

	private final HikariDataSource dataSource = new HikariDataSource();
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;

	AuditPool(DataSource main, AuditPoolProperties properties) throws SQLException {
		if (!main.isWrapperFor(HikariDataSource.class)) {
			throw new IllegalStateException("the audit trail's pool copies the main pool's settings, which must be HikariCP's");
		}
		// pool not started yet: it starts with the first append, after Flyway has made the tables
		main.unwrap(HikariDataSource.class).copyStateTo(dataSource);
		dataSource.setPoolName("weerbaar-audit");
		dataSource.setMaximumPoolSize(properties.size());
		dataSource.setMinimumIdle(properties.size());
		dataSource.setConnectionTimeout(properties.connectionTimeout().toMillis());
		this.jdbc = JdbcClient.create(dataSource);
		this.transaction = new TransactionTemplate(new JdbcTransactionManager(dataSource));
	}

	/** Runs {@code work} in a transaction on this pool, whatever transaction the caller is in on the main pool. */
	public <T> T inTransaction(Function<JdbcClient, T> work) {
		return transaction.execute(status -> work.apply(jdbc));
	}

	@Override
	public void destroy() {
		dataSource.close();
	}
}
