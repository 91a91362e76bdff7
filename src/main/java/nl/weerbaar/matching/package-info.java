/**
 * Matching: explainable supporter suggestions under the hard rules (the hierarchical-relation rule among them),
 * proposals that a supporter accepts or declines, and an optimal batch assignment after a mass incident.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Matching")
package nl.weerbaar.matching;
