/**
 * The network: partner organisations and their services, the client's recorded consent to share data with them, and
 * referrals to partners and instruments behind that consent gate; a partner sees only what was consented.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Network")
package nl.weerbaar.network;
