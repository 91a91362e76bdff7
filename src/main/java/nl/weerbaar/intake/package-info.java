/**
 * Intake and triage: support requests with their incidents, warning behaviours and level of concern, first-contact
 * deadlines, the coordinator's queue, the client's own requests and the anonymous route with a receipt code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package nl.weerbaar.intake;
