package nl.weerbaar.intake;

import org.junit.jupiter.api.Test;

import static nl.weerbaar.intake.RequestStatus.ACTIVE;
import static nl.weerbaar.intake.RequestStatus.ASSIGNED;
import static nl.weerbaar.intake.RequestStatus.CLOSED;
import static nl.weerbaar.intake.RequestStatus.MATCHING;
import static nl.weerbaar.intake.RequestStatus.NEW;
import static nl.weerbaar.intake.RequestStatus.TRIAGED;
import static nl.weerbaar.intake.RequestStatus.WITHDRAWN;
import static org.assertj.core.api.Assertions.assertThat;

class RequestLifecycleTests {

	@Test
	void goesForwardOneStepAtATime() {
		assertThat(RequestLifecycle.allows(NEW, TRIAGED)).isTrue();
		assertThat(RequestLifecycle.allows(TRIAGED, MATCHING)).isTrue();
		assertThat(RequestLifecycle.allows(MATCHING, ASSIGNED)).isTrue();
		assertThat(RequestLifecycle.allows(ASSIGNED, ACTIVE)).isTrue();
		assertThat(RequestLifecycle.allows(ACTIVE, CLOSED)).isTrue();
		assertThat(RequestLifecycle.allows(NEW, MATCHING)).as("no skipping triage").isFalse();
		assertThat(RequestLifecycle.allows(NEW, ACTIVE)).isFalse();
		assertThat(RequestLifecycle.allows(MATCHING, ACTIVE)).as("no case without an assigned supporter").isFalse();
		assertThat(RequestLifecycle.allows(NEW, CLOSED)).isFalse();
	}

	@Test
	void everyOpenStatusMayBeWithdrawnAndNothingFollowsTheFinalOnes() {
		for (RequestStatus status : RequestStatus.values()) {
			assertThat(RequestLifecycle.allows(status, WITHDRAWN)).as(status.name()).isEqualTo(status.isOpen());
			if (!status.isOpen()) {
				assertThat(RequestLifecycle.next(status)).as(status.name()).isEmpty();
			}
		}
	}

	@Test
	void aDeclineSendsTheRequestBackToMatchingWithAReason() {
		assertThat(RequestLifecycle.allows(ASSIGNED, MATCHING)).isTrue();
		assertThat(RequestLifecycle.needsReason(ASSIGNED, MATCHING)).isTrue();
		assertThat(RequestLifecycle.needsReason(TRIAGED, MATCHING)).isFalse();
		assertThat(RequestLifecycle.needsReason(ACTIVE, CLOSED)).isTrue();
		assertThat(RequestLifecycle.needsReason(NEW, WITHDRAWN)).isTrue();
	}

	@Test
	void anAssignedRequestWhoseClientCouldNotBeReachedClosesWithAReason() {
		assertThat(RequestLifecycle.allows(ASSIGNED, CLOSED)).isTrue();
		assertThat(RequestLifecycle.needsReason(ASSIGNED, CLOSED)).isTrue();
		assertThat(RequestLifecycle.allows(MATCHING, CLOSED)).as("not without a supporter having tried").isFalse();
	}
}
