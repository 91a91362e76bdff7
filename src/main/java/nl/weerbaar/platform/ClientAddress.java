package nl.weerbaar.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The one place that says where a request came from, for the throttles and the audit trail. It is the socket's
 * address, unless the request came through a proxy that the operator named in {@code WEERBAAR_TRUSTED_PROXIES}: then
 * Tomcat's RemoteIpValve has already put the client's address from {@code X-Forwarded-For} in its place (see
 * {@code server.tomcat.remoteip.internal-proxies} in application.yml). A forwarded header from anyone else is ignored,
 * so nobody can pick the address they are counted under.
 */
public final class ClientAddress {

	private ClientAddress() {
	}

	public static String of(HttpServletRequest request) {
		return request.getRemoteAddr();
	}

	/**
	 * What a throttle counts under: the address itself for IPv4, its /64 network for IPv6 (one subscriber usually has a
	 * whole /64, so counting single IPv6 addresses would give them billions of tries).
	 */
	public static String throttleKey(String address) {
		if (address == null || address.indexOf(':') < 0) {
			return String.valueOf(address);
		}
		try {
			// a literal with a colon is never looked up in DNS
			InetAddress parsed = InetAddress.getByName(address);
			if (!(parsed instanceof Inet6Address)) {
				return parsed.getHostAddress();
			}
			byte[] bytes = parsed.getAddress();
			StringBuilder network = new StringBuilder();
			for (int i = 0; i < 8; i += 2) {
				network.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
			}
			return network.append(":/64").toString();
		}
		catch (UnknownHostException e) {
			return address;
		}
	}
}
