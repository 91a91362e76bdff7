package nl.weerbaar.network.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import nl.weerbaar.network.Network;
import nl.weerbaar.network.NetworkData;
import nl.weerbaar.network.NetworkViews.ClientReferralView;
import nl.weerbaar.network.NetworkViews.ConsentView;
import nl.weerbaar.network.NetworkViews.PartnerReferralItem;
import nl.weerbaar.network.NetworkViews.PartnerReferralView;
import nl.weerbaar.network.NetworkViews.PartnerView;
import nl.weerbaar.network.NetworkViews.ReferralView;
import nl.weerbaar.security.AccountPrincipal;
import nl.weerbaar.security.Role;
import nl.weerbaar.shared.Actor;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The network over JSON: the partner directory, a case's consents and referrals (under {@code /api/v1/cases}), and a
 * partner's own referrals (under {@code /api/v1/referrals}, for partner users and their systems).
 */
@RestController
@Tag(name = "Network", description = "Partners, consent and referrals")
class NetworkApiController {

	private final Network network;

	NetworkApiController(Network network) {
		this.network = network;
	}

	@GetMapping("/api/v1/partners")
	@Operation(summary = "The partner organisations, their services, instruments and contact routes")
	List<PartnerView> partners() {
		return network.partners();
	}

	@GetMapping("/api/v1/partners/{id}")
	PartnerView partner(@PathVariable UUID id) {
		return network.partner(id).orElseThrow(ReferralController::notFound);
	}

	@PostMapping("/api/v1/partners")
	@Operation(summary = "Add a partner organisation (administrators)")
	ResponseEntity<PartnerView> addPartner(@RequestBody NetworkData.Partner body, @AuthenticationPrincipal AccountPrincipal me) {
		PartnerView partner = network.savePartner(null, body, me.actingAs(Role.ADMIN));
		return ResponseEntity.created(URI.create("/api/v1/partners/" + partner.id())).body(partner);
	}

	@PutMapping("/api/v1/partners/{id}")
	@Operation(summary = "Change a partner organisation (administrators)")
	PartnerView changePartner(@PathVariable UUID id, @RequestBody NetworkData.Partner body, @AuthenticationPrincipal AccountPrincipal me) {
		return network.savePartner(id, body, me.actingAs(Role.ADMIN));
	}

	@PutMapping("/api/v1/partners/{id}/members/{accountId}")
	@Operation(summary = "Link a partner user's account to this organisation (administrators)")
	PartnerView addMember(@PathVariable UUID id, @PathVariable UUID accountId, @AuthenticationPrincipal AccountPrincipal me) {
		return network.addMember(id, accountId, me.actingAs(Role.ADMIN)).orElseThrow(ReferralController::notFound);
	}

	@DeleteMapping("/api/v1/partners/{id}/members/{accountId}")
	ResponseEntity<Void> removeMember(@PathVariable UUID id, @PathVariable UUID accountId, @AuthenticationPrincipal AccountPrincipal me) {
		return network.removeMember(id, accountId, me.actingAs(Role.ADMIN)) ? ResponseEntity.noContent().build()
				: ResponseEntity.notFound().build();
	}

	@GetMapping("/api/v1/cases/{id}/consents")
	@Operation(summary = "The consents recorded on a case (its supporter, coordinators, its client)")
	List<ConsentView> consents(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return network.consents(id, caseActor(me)).orElseThrow(ReferralController::notFound);
	}

	@PostMapping("/api/v1/cases/{id}/consents")
	@Operation(summary = "Record the client's consent: partnerId, fields, givenOn, how (VERBAL, IN_WRITING, BY_CLIENT_ONLINE)")
	ResponseEntity<ConsentView> recordConsent(@PathVariable UUID id, @RequestBody NetworkData.Consent body,
			@AuthenticationPrincipal AccountPrincipal me) {
		ConsentView consent = network.recordConsent(id, body, caseActor(me)).orElseThrow(ReferralController::notFound);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/consents/" + consent.id())).body(consent);
	}

	@PostMapping("/api/v1/cases/{id}/consents/{consentId}/withdrawal")
	@Operation(summary = "Withdraw a consent: the referrals resting on it are revoked and lose their shared data")
	ConsentView withdrawConsent(@PathVariable UUID id, @PathVariable UUID consentId, @AuthenticationPrincipal AccountPrincipal me) {
		return network.withdrawConsent(id, consentId, caseActor(me)).orElseThrow(ReferralController::notFound);
	}

	@GetMapping("/api/v1/cases/{id}/referrals")
	@Operation(summary = "A case's referrals; its client gets where each stands")
	List<?> referrals(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		Actor actor = caseActor(me);
		if (Role.CLIENT.name().equals(actor.role())) {
			List<ClientReferralView> mine = network.clientReferrals(id, actor).orElseThrow(ReferralController::notFound);
			return mine;
		}
		return network.referrals(id, actor).orElseThrow(ReferralController::notFound);
	}

	@PostMapping("/api/v1/cases/{id}/referrals")
	@Operation(summary = "Refer behind the consent gate: partnerId, instrument, fields, note; overrideReason lets a coordinator refer without consent")
	ResponseEntity<ReferralView> refer(@PathVariable UUID id, @RequestBody NetworkData.Referral body,
			@AuthenticationPrincipal AccountPrincipal me) {
		ReferralView referral = network.refer(id, body, staff(me)).orElseThrow(ReferralController::notFound);
		return ResponseEntity.created(URI.create("/api/v1/cases/" + id + "/referrals/" + referral.id())).body(referral);
	}

	@GetMapping("/api/v1/cases/{id}/referrals/{referralId}")
	ReferralView referral(@PathVariable UUID id, @PathVariable UUID referralId, @AuthenticationPrincipal AccountPrincipal me) {
		return network.referral(id, referralId, staff(me)).orElseThrow(ReferralController::notFound);
	}

	@PostMapping("/api/v1/cases/{id}/referrals/{referralId}/revocation")
	@Operation(summary = "Withdraw a running referral")
	ReferralView revoke(@PathVariable UUID id, @PathVariable UUID referralId, @AuthenticationPrincipal AccountPrincipal me) {
		return network.revoke(id, referralId, staff(me)).orElseThrow(ReferralController::notFound);
	}

	@GetMapping("/api/v1/referrals")
	@Operation(summary = "The referrals addressed to the caller's partner organisation (no personal data)")
	List<PartnerReferralItem> inbox(@AuthenticationPrincipal AccountPrincipal me) {
		return network.inbox(me.actingAs(Role.PARTNER));
	}

	@GetMapping("/api/v1/referrals/{id}")
	@Operation(summary = "One referral to the caller's organisation, with only the fields the client consented to")
	PartnerReferralView forPartner(@PathVariable UUID id, @AuthenticationPrincipal AccountPrincipal me) {
		return network.forPartner(id, me.actingAs(Role.PARTNER)).orElseThrow(ReferralController::notFound);
	}

	@PostMapping("/api/v1/referrals/{id}/status")
	@Operation(summary = "Move the referral on: status ACCEPTED, DONE or DECLINED, with a short message back")
	PartnerReferralView answer(@PathVariable UUID id, @RequestBody NetworkData.StatusUpdate body, @AuthenticationPrincipal AccountPrincipal me) {
		return network.answer(id, body, me.actingAs(Role.PARTNER)).orElseThrow(ReferralController::notFound);
	}

	private static Actor caseActor(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.SUPPORTER, Role.CLIENT);
	}

	private static Actor staff(AccountPrincipal me) {
		return me.actingAs(Role.COORDINATOR, Role.SUPPORTER);
	}
}
