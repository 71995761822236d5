package dev.livetools.samples.home;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.livetools.sdk.ToolException;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;

class SetCoverTest {

    private final HomeTools tools = new TestHome().tools;

    @Test
    void closesBlindsByRoomAndReadsThePositionBack() {
        Map<String, Object> result = tools.setCover("living room", CoverAction.CLOSE, null);

        assertThat(covers(result)).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("name", "living room blinds").containsEntry("position", 0).containsEntry("state", "closed"));
        assertThat(result.get("summary")).isEqualTo("Living room blinds closed.");
    }

    @Test
    void movesToAPosition() {
        Map<String, Object> result = tools.setCover("living room blinds", null, 40);

        assertThat(covers(result)).singleElement().satisfies(c -> assertThat(c)
                .containsEntry("position", 40).containsEntry("state", "40% open"));
    }

    @Test
    void stopLeavesTheBlindWhereItIs() {
        tools.setCover("living room blinds", null, 30);

        Map<String, Object> result = tools.setCover("living room blinds", CoverAction.STOP, null);

        assertThat(covers(result)).singleElement().satisfies(c -> assertThat(c).containsEntry("position", 30));
    }

    @Test
    void allBlindsOpen() {
        Map<String, Object> result = tools.setCover("all blinds", CoverAction.OPEN, null);

        assertThat(covers(result)).hasSize(2).allSatisfy(c -> assertThat(c).containsEntry("state", "open"));
    }

    @Test
    void aPositionOnABlindThatOnlyOpensAndClosesIsRefused() {
        assertThatThrownBy(() -> tools.setCover("bedroom blinds", null, 50))
                .isInstanceOfSatisfying(ToolException.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo("The bedroom blinds can only open fully, close fully or stop, not move to 50%.");
                    assertThat(e.details()).containsEntry("can", List.of("open/close/stop"));
                });
    }

    @Test
    void aPositionForEveryBlindMovesOnlyThoseThatCan() {
        Map<String, Object> result = tools.setCover("blinds", null, 50);

        assertThat(covers(result)).extracting(c -> c.get("name")).containsExactly("living room blinds");
        assertThat(result.get("notes")).asInstanceOf(InstanceOfAssertFactories.LIST).singleElement().asString().contains("bedroom blinds");
    }

    @Test
    void neitherActionNorPositionIsRefused() {
        assertThatThrownBy(() -> tools.setCover("bedroom", null, null))
                .isInstanceOf(ToolException.class).hasMessageContaining("OPEN, CLOSE or STOP");
    }

    @Test
    void bothActionAndPositionAreRefused() {
        assertThatThrownBy(() -> tools.setCover("bedroom", CoverAction.OPEN, 20))
                .isInstanceOf(ToolException.class).hasMessage("Give either an action or a position, not both.");
    }

    @Test
    void aRoomWithoutBlindsNamesTheRoomsWithThem() {
        assertThatThrownBy(() -> tools.setCover("kitchen", CoverAction.OPEN, null))
                .isInstanceOf(ToolException.class)
                .hasMessage("The kitchen has no blinds or covers. Rooms with blinds or covers: living room, bedroom.");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> covers(Map<String, Object> result) {
        return (List<Map<String, Object>>) result.get("covers");
    }
}
