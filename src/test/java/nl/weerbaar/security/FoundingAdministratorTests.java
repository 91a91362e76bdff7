package nl.weerbaar.security;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import nl.weerbaar.security.AccountManagement.AccountRefused;
import nl.weerbaar.testing.TestAccounts;
import nl.weerbaar.testing.TestAccounts.TestAccount;
import nl.weerbaar.testing.WebTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Four eyes need two administrators: the first administrator of an installation appoints the second alone (nobody
 * could approve it), and from then on never again, even after the others are gone. Each case runs in a transaction
 * that is rolled back, on a database made to look like a new installation with one administrator.
 */
@WebTest
class FoundingAdministratorTests {

	@Autowired
	AccountManagement management;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void theFirstAdministratorCreatesTheSecondAloneAndNoAdministratorEverDoesSoAgain() {
		TestAccount founder = new TestAccounts(context).create(Role.ADMIN);
		asOnlyAdministrator(founder, () -> {
			var second = management.create("tweede-" + founder.id().toString().substring(0, 8), "Tweede beheerder",
					Set.of(Role.ADMIN), false, new AccountId(founder.id()));
			assertThat(second.account().roles()).contains(Role.ADMIN);
			assertThat(paired()).as("two administrators: four eyes from now on").isTrue();
			assertThatThrownBy(() -> management.create("derde-" + founder.id().toString().substring(0, 8), "Derde",
					Set.of(Role.ADMIN), false, new AccountId(founder.id())))
				.isInstanceOfSatisfying(AccountRefused.class,
						refused -> assertThat(refused.messageKey()).isEqualTo("account.roles.adminNeedsApproval"));
			// the second one removed behind the application's back: still no administrator is made alone
			jdbc.sql("delete from account_role where role = 'ADMIN' and account_id <> ?").param(founder.id()).update();
			assertThatThrownBy(() -> management.create("vierde-" + founder.id().toString().substring(0, 8), "Vierde",
					Set.of(Role.ADMIN), false, new AccountId(founder.id())))
				.isInstanceOf(AccountRefused.class);
		});
	}

	@Test
	void theFirstAdministratorGrantsTheRoleToAnExistingAccountAtOnceButNotOnceThereAreTwo() {
		TestAccounts accounts = new TestAccounts(context);
		TestAccount founder = accounts.create(Role.ADMIN);
		TestAccount colleague = accounts.create(Role.COORDINATOR);
		TestAccount later = accounts.create(Role.COORDINATOR);
		asOnlyAdministrator(founder, () -> {
			management.update(new AccountId(colleague.id()), "Collega", Set.of(Role.COORDINATOR, Role.ADMIN), true,
					new AccountId(founder.id()));
			assertThat(roles(colleague)).containsExactlyInAnyOrder("COORDINATOR", "ADMIN");
			management.update(new AccountId(later.id()), "Later", Set.of(Role.COORDINATOR, Role.ADMIN), true,
					new AccountId(founder.id()));
			assertThat(roles(later)).as("the third waits for a second administrator's approval")
				.containsExactly("COORDINATOR");
			assertThat(jdbc.sql("select count(*) from account_approval where account_id = ? and action = 'GRANT_ADMIN' "
					+ "and decided_at is null").param(later.id()).query(Long.class).single()).isEqualTo(1);
		});
	}

	@Test
	void anInstallationWithTwoAdministratorsNeverFallsBackToOne() {
		TestAccounts accounts = new TestAccounts(context);
		TestAccount first = accounts.create(Role.ADMIN);
		TestAccount second = accounts.create(Role.ADMIN);
		TestAccount coordinator = accounts.create(Role.COORDINATOR);
		inTransaction(status -> {
			signInAs(first);
			jdbc.sql("delete from administrator_pairing").update();
			jdbc.sql("delete from account_role where role = 'ADMIN' and account_id not in (?, ?)")
				.params(first.id(), second.id()).update();
			// the first removes the second's role: the installation had two, so it keeps four eyes
			management.update(new AccountId(second.id()), "Tweede", Set.of(Role.COORDINATOR), true,
					new AccountId(first.id()));
			assertThat(paired()).isTrue();
			management.update(new AccountId(coordinator.id()), "Coördinator", Set.of(Role.COORDINATOR, Role.ADMIN),
					true, new AccountId(first.id()));
			assertThat(roles(coordinator)).containsExactly("COORDINATOR");
		});
	}

	private void asOnlyAdministrator(TestAccount founder, Runnable work) {
		inTransaction(status -> {
			signInAs(founder);
			jdbc.sql("delete from administrator_pairing").update();
			jdbc.sql("delete from account_role where role = 'ADMIN' and account_id <> ?").param(founder.id()).update();
			work.run();
		});
	}

	private void inTransaction(Consumer<org.springframework.transaction.TransactionStatus> work) {
		new TransactionTemplate(transactions).executeWithoutResult(status -> {
			try {
				work.accept(status);
			}
			finally {
				status.setRollbackOnly();
			}
		});
	}

	private static void signInAs(TestAccount admin) {
		SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
				admin.username(), null, List.of(new SimpleGrantedAuthority("ROLE_ADMIN"))));
	}

	private boolean paired() {
		return jdbc.sql("select count(*) from administrator_pairing").query(Long.class).single() > 0;
	}

	private List<String> roles(TestAccount account) {
		return jdbc.sql("select role from account_role where account_id = ?").param(account.id()).query(String.class)
			.list();
	}
}
