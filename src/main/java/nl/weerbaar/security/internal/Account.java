package nl.weerbaar.security.internal;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import nl.weerbaar.security.AccountId;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** An account: who signs in, with which roles. The password is only ever held as an Argon2id hash. */
@Table("account")
public class Account {

	@Id
	private final UUID id;
	@Version
	private Long version;
	private final String username;
	private String displayName;
	private String passwordHash;
	private boolean enabled;
	private boolean mustChangePassword;
	private final Instant createdAt;
	private Instant passwordChangedAt;
	private final boolean integration;
	private boolean secondFactorRequired;
	/** The administrator who created the account; null for the first administrator, demo and older accounts. */
	private UUID createdBy;
	@MappedCollection(idColumn = "account_id")
	private Set<AccountRole> roles;

	Account(UUID id, Long version, String username, String displayName, String passwordHash, boolean enabled,
			boolean mustChangePassword, Instant createdAt, Instant passwordChangedAt, boolean integration,
			boolean secondFactorRequired, Set<AccountRole> roles) {
		this.id = id;
		this.version = version;
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
		this.createdAt = createdAt;
		this.passwordChangedAt = passwordChangedAt;
		this.integration = integration;
		this.secondFactorRequired = secondFactorRequired;
		this.roles = roles;
	}

	public static Account create(String username, String displayName, Set<Role> roles, String passwordHash,
			boolean mustChangePassword, Instant now) {
		return new Account(UUID.randomUUID(), null, username, displayName, passwordHash, true, mustChangePassword, now,
				now, false, false, toRows(roles));
	}

	/** An account for another system: it never signs in with a password and calls the API with tokens only. */
	public static Account integration(String username, String displayName, Set<Role> roles, String unusableHash,
			Instant now) {
		return new Account(UUID.randomUUID(), null, username, displayName, unusableHash, true, false, now, now, true,
				false, toRows(roles));
	}

	public AccountId id() {
		return new AccountId(id);
	}

	public String username() {
		return username;
	}

	public String displayName() {
		return displayName;
	}

	public String passwordHash() {
		return passwordHash;
	}

	public boolean enabled() {
		return enabled;
	}

	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public boolean integration() {
		return integration;
	}

	/** Set once the account had a second factor: from then on it needs one, also after a reset. */
	public boolean secondFactorRequired() {
		return secondFactorRequired;
	}

	/** The administrator who created this account, if one did (and it was recorded). */
	public java.util.Optional<AccountId> createdBy() {
		return java.util.Optional.ofNullable(createdBy).map(AccountId::new);
	}

	/** Records the administrator who creates this account: they saw its initial password. */
	public void createdBy(AccountId administrator) {
		this.createdBy = administrator == null ? null : administrator.value();
	}

	public Set<Role> roles() {
		return roles.stream().map(AccountRole::role).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
	}

	public void rename(String displayName) {
		this.displayName = displayName;
	}

	public void changeRoles(Set<Role> roles) {
		this.roles = toRows(roles);
	}

	public void enable(boolean enabled) {
		this.enabled = enabled;
	}

	/** A new password; {@code chosenByOwner} is false when someone else set it and the owner must replace it. */
	public void changePassword(String passwordHash, boolean chosenByOwner, Instant now) {
		this.passwordHash = passwordHash;
		this.mustChangePassword = !chosenByOwner;
		this.passwordChangedAt = now;
	}

	public AccountPrincipal toPrincipal() {
		return new AccountPrincipal(id(), username, displayName, roles(), enabled, mustChangePassword, passwordHash);
	}

	private static Set<AccountRole> toRows(Set<Role> roles) {
		if (roles == null || roles.isEmpty()) {
			throw new IllegalArgumentException("an account needs at least one role");
		}
		return roles.stream().map(AccountRole::new).collect(Collectors.toSet());
	}

	@Table("account_role")
	record AccountRole(Role role) {
	}
}
