/**
 * Security: accounts and roles, sign-in, sessions, the access rules every module contributes to, and the response
 * headers (CSP with nonce) that protect every page.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Security")
package nl.weerbaar.security;
