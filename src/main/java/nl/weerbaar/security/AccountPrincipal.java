package nl.weerbaar.security;

import java.io.Serial;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

import nl.weerbaar.shared.Actor;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as the rest of Weerbaar sees them: inject with {@code @AuthenticationPrincipal}. Log
 * {@link #id()}, never the username or display name.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final AccountId id;
	private final String username;
	private final String displayName;
	private final Set<Role> roles;
	private final boolean enabled;
	private final boolean mustChangePassword;
	private String passwordHash;

	public AccountPrincipal(AccountId id, String username, String displayName, Set<Role> roles, boolean enabled,
			boolean mustChangePassword, String passwordHash) {
		this.id = id;
		this.username = username;
		this.displayName = displayName;
		this.roles = Set.copyOf(roles);
		this.enabled = enabled;
		this.mustChangePassword = mustChangePassword;
		this.passwordHash = passwordHash;
	}

	public AccountId id() {
		return id;
	}

	public String getDisplayName() {
		return displayName;
	}

	public Set<Role> roles() {
		return roles;
	}

	public boolean hasRole(Role role) {
		return roles.contains(role);
	}

	/**
	 * This person as the actor of what they do now, in the first of these roles they hold (the path rules have
	 * already made sure they hold one; otherwise the last is named).
	 */
	public Actor actingAs(Role... inOrder) {
		Role acting = inOrder[inOrder.length - 1];
		for (Role role : inOrder) {
			if (roles.contains(role)) {
				acting = role;
				break;
			}
		}
		return new Actor(id.value(), acting.name());
	}

	/** True until a person replaces a password someone else chose for them (a first or bootstrap password). */
	public boolean mustChangePassword() {
		return mustChangePassword;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles.stream().map(role -> new SimpleGrantedAuthority(role.authority())).collect(Collectors.toSet());
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof AccountPrincipal that && id.equals(that.id);
	}

	@Override
	public int hashCode() {
		return id.hashCode();
	}

	@Override
	public String toString() {
		return "AccountPrincipal[" + id + "]";
	}
}
