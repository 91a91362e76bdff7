package nl.weerbaar.web;

import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import nl.weerbaar.security.Role;
import nl.weerbaar.testing.BrowserTest;
import nl.weerbaar.testing.TestAccounts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a signed-in person saw must not stay in the browser (ASVS 5.0 V14.3.1, V14.3.3): htmx keeps no copies of the
 * list pages it pushes into the history, and signing out clears the site's storage and cache.
 */
class SignOutPagesTests extends BrowserTest {

	/** Every value in this page's localStorage and sessionStorage, by key, each prefixed with where it is. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> storage(Page page) {
		return (Map<String, String>) page.evaluate("""
				() => {
				  const all = {};
				  for (const [name, store] of [['local', localStorage], ['session', sessionStorage]]) {
				    for (let i = 0; i < store.length; i++) {
				      const key = store.key(i);
				      all[name + ':' + key] = store.getItem(key);
				    }
				  }
				  return all;
				}""");
	}

	@Test
	void theListPagesLeaveNothingInTheBrowsersStorageAndSigningOutClearsIt() {
		Page page = signIn(new TestAccounts(applicationContext).create(Role.COORDINATOR).username(), TestAccounts.PASSWORD);
		// each list page's filter pushes its address into the history with htmx, as a person's search does
		List<String[]> searches = List.of(new String[] { "/office-holders", "q", "Vriesdijk" },
				new String[] { "/supporters", "q", "Brinkhorst" }, new String[] { "/bodies", "q", "Zuidplas" });
		for (String[] search : searches) {
			page.navigate(url(search[0]));
			page.locator("#" + search[1]).fill(search[2]);
			page.waitForURL(address -> address.contains(search[1] + "=" + search[2]));
		}
		page.navigate(url("/requests"));
		page.locator("#level").selectOption("HIGH");
		page.waitForURL(address -> address.contains("level=HIGH"));
		page.goBack();
		page.waitForURL(address -> !address.contains("level=HIGH"));
		assertThat(page.locator("h1").textContent()).as("back loads the page again").isNotBlank();

		assertThat(storage(page)).as("no page copies, no addresses with search terms while signed in").isEmpty();

		var signOut = page.waitForResponse(response -> response.url().endsWith("/logout"),
				() -> page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Uitloggen")).click());
		page.waitForURL(url("/login?logout"));
		assertThat(signOut.allHeaders()).containsEntry("clear-site-data", "\"cache\", \"storage\"");

		assertThat(storage(page)).isEmpty();
		page.goBack();
		assertThat(page.url()).as("the history leads back to a sign-in, not to a copy").contains("/login");
	}
}
