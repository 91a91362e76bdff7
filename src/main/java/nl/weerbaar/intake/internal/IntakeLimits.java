package nl.weerbaar.intake.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How much one request takes ({@code weerbaar.intake.limits.*}), counted in the database so that every node keeps
 * the same count.
 *
 * @param incidentsPerRequest incidents on one request, those it was filed with included
 * @param messagesPerHour messages on one request within an hour, per kind of author (the coordinators, the supporter,
 * the requester with their account or receipt code)
 */
@ConfigurationProperties("weerbaar.intake.limits")
public record IntakeLimits(int incidentsPerRequest, int messagesPerHour) {
}
