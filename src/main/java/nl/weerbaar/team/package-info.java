/**
 * Team: the supporters (confidants, experts, peers), the functions they held, their expertise, capacity and
 * availability.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Support team")
package nl.weerbaar.team;
