/**
 * Privacy: sensitive fields encrypted under a data key per person (crypto-shredding erases a person by destroying
 * it), key rotation, retention, and the data subject's rights of access and erasure (AVG art. 15 and 17).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package nl.weerbaar.privacy;
