/**
 * Platform: the embedded PostgreSQL used when no database server is configured, and the installation's mode (demo or live).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package nl.weerbaar.platform;
