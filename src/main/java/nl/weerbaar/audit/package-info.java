/**
 * Audit: the tamper-evident, append-only trail of who did what to which object, with what result, from where; it
 * listens for {@link nl.weerbaar.shared.AuditableEvent}s and depends on no business module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package nl.weerbaar.audit;
