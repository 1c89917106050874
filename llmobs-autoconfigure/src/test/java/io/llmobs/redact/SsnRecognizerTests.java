package io.llmobs.redact;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SsnRecognizerTests {

	private final SsnRecognizer recognizer = new SsnRecognizer();

	@Test
	void numbersWithDashesOrSpacesAreFound() {
		assertThat(inRun("SSN 219-09-9999.", "219-09-9999")).containsExactly("219-09-9999");
		assertThat(inRun("SSN 219 09 9999", "219 09 9999")).containsExactly("219 09 9999");
		assertThat(inRun("8 899-99-9999", "8 899-99-9999")).containsExactly("899-99-9999");
		assertThat(this.recognizer.minDigits()).isEqualTo(9);
	}

	@Test
	void numbersTheSsaNeverIssuesAreRejected() {
		assertThat(inRun("000-12-3456", "000-12-3456")).isEmpty();
		assertThat(inRun("666-12-3456", "666-12-3456")).isEmpty();
		assertThat(inRun("900-12-3456", "900-12-3456")).isEmpty();
		assertThat(inRun("219-00-9999", "219-00-9999")).isEmpty();
		assertThat(inRun("219-09-0000", "219-09-0000")).isEmpty();
	}

	@Test
	void otherShapesAreRejected() {
		assertThat(inRun("219099999", "219099999")).isEmpty();
		assertThat(inRun("219-09 9999", "219-09 9999")).isEmpty();
		assertThat(inRun("219-099-999", "219-099-999")).isEmpty();
		assertThat(inRun("219-09-99991", "219-09-99991")).isEmpty();
		assertThat(inRun("219-09-999", "219-09-999")).isEmpty();
	}

	private List<String> inRun(String text, String run) {
		List<PiiEntity> found = new ArrayList<>();
		int start = text.indexOf(run);
		boolean any = this.recognizer.findInNumber(text, start, start + run.length(), found);
		assertThat(any).isEqualTo(!found.isEmpty());
		assertThat(found).allSatisfy((entity) -> assertThat(entity.type()).isEqualTo(PiiTypes.SSN));
		return found.stream().map((entity) -> text.substring(entity.start(), entity.end())).toList();
	}

}
