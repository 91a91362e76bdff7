package nl.weerbaar.matching.internal;

import java.time.Duration;

import nl.weerbaar.matching.MatchingRules;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of matching ({@code weerbaar.matching.*}).
 *
 * @param rules the policy: the hierarchical-relation rule, the region preference, the weights
 * @param proposalExpiry how long a supporter has to answer a proposal
 */
@ConfigurationProperties("weerbaar.matching")
public record MatchingProperties(MatchingRules rules, Duration proposalExpiry) {
}
