/**
 * Platform: the embedded PostgreSQL used when no database server is configured, the two database roles (an owner that migrates, the application's that owns nothing), the installation's mode (demo or live), and what every node shares to resist guessing: the throttles' buckets, the bound on slow hashes and the client's address.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package nl.weerbaar.platform;
