#include "TestSupport.hpp"

#include "core/Progress.hpp"

#include <filesystem>
#include <fstream>

using namespace rollcoach;
using namespace rollcoach::test;

namespace {

constexpr std::int64_t kNow = 1795435200; // 2026-11-23 12:00 UTC
constexpr std::int64_t kDay = 86400;

SessionRecord session(const std::string& title, std::int64_t started, std::vector<CheckIn> checkIns,
                      const std::string& file = "wall.yaml") {
    SessionRecord r;
    r.routineTitle = title;
    r.routineKey = title;
    r.routineFile = file;
    r.startedAt = started;
    r.how = "finished";
    r.leftS = r.rightS = 120;
    r.checkIns = std::move(checkIns);
    return r;
}

CheckIn before(Side side, int rating, int round = 1) {
    return {side, false, rating, round};
}
CheckIn after(Side side, int rating, int round = 1) {
    return {side, true, rating, round};
}

} // namespace

TEST_CASE("progress: each side's before, after and change per session, oldest first") {
    // The history comes newest first.
    const std::vector<SessionRecord> history = {
        session("Wall", kNow - 1 * kDay,
                {before(Side::Left, 5), after(Side::Left, 4), before(Side::Right, 4),
                 after(Side::Right, 4)}),
        session("Wall", kNow - 3 * kDay,
                {before(Side::Left, 6), after(Side::Left, 3), before(Side::Right, 5),
                 after(Side::Right, 4)}),
    };
    const Progress p = tensionProgress(history, {"", "", std::nullopt, kNow});
    REQUIRE(p.left.sessions.size() == 2);
    REQUIRE(p.right.sessions.size() == 2);
    CHECK(p.left.sessions[0].startedAt == kNow - 3 * kDay);
    CHECK(*p.left.sessions[0].before == 6);
    CHECK(*p.left.sessions[0].after == 3);
    CHECK(*p.left.sessions[0].change() == -3);
    CHECK(p.left.sessions[0].matters());
    CHECK_FALSE(p.left.sessions[1].matters());
    CHECK(p.left.summary.sessions == 2);
    CHECK(p.left.summary.paired == 2);
    CHECK(p.left.summary.mattered == 1);
    CHECK(*p.left.summary.averageBefore == doctest::Approx(5.5));
    CHECK(*p.left.summary.averageAfter == doctest::Approx(3.5));
    CHECK(*p.left.summary.averageChange == doctest::Approx(-2));
    CHECK(p.right.summary.mattered == 0);
    CHECK(*p.right.summary.averageChange == doctest::Approx(-0.5));
}

TEST_CASE("progress: a drop of exactly 2 matters, 1.5 does not, a rise never does") {
    CHECK(changeMatters(-2));
    CHECK(changeMatters(-7));
    CHECK_FALSE(changeMatters(-1.5));
    CHECK_FALSE(changeMatters(0));
    CHECK_FALSE(changeMatters(3));
    // Two rounds: before 6 and 5 (5.5), after 4 and 3 (3.5): a drop of 2 on average.
    const std::vector<SessionRecord> history = {
        session("Wall", kNow,
                {before(Side::Left, 6, 1), after(Side::Left, 4, 1), before(Side::Left, 5, 2),
                 after(Side::Left, 3, 2)})};
    const Progress p = tensionProgress(history, {"", "", std::nullopt, kNow});
    REQUIRE(p.left.sessions.size() == 1);
    CHECK(*p.left.sessions[0].before == doctest::Approx(5.5));
    CHECK(*p.left.sessions[0].after == doctest::Approx(3.5));
    CHECK(p.left.sessions[0].matters());
}

TEST_CASE("progress: ratings on one side only, or only before, give no change and no crash") {
    const std::vector<SessionRecord> history = {
        session("Wall", kNow - kDay, {before(Side::Left, 7)}),
        session("Wall", kNow - 2 * kDay, {before(Side::Left, 6), after(Side::Left, 5)}),
    };
    const Progress p = tensionProgress(history, {"", "", std::nullopt, kNow});
    CHECK(p.right.sessions.empty());
    CHECK(p.right.summary.sessions == 0);
    CHECK_FALSE(p.right.summary.averageBefore);
    CHECK_FALSE(p.right.summary.averageChange);
    REQUIRE(p.left.sessions.size() == 2);
    CHECK_FALSE(p.left.sessions[1].change());
    CHECK_FALSE(p.left.sessions[1].matters());
    CHECK(p.left.summary.sessions == 2);
    CHECK(p.left.summary.paired == 1);
    CHECK(*p.left.summary.averageBefore == doctest::Approx(6.5));
    CHECK(*p.left.summary.averageAfter == doctest::Approx(5));
    CHECK(*p.left.summary.averageChange == doctest::Approx(-1));
}

TEST_CASE("progress: an empty history, sessions without ratings and bad ratings give nothing") {
    CHECK(tensionProgress({}, {"", "", std::nullopt, kNow}).empty());
    const std::vector<SessionRecord> history = {
        session("Wall", kNow, {}),
        session("Wall", kNow - kDay, {before(Side::Left, 11), after(Side::Right, -1)}),
    };
    CHECK(tensionProgress(history, {"", "", std::nullopt, kNow}).empty());
}

TEST_CASE("progress: interrupted and stopped sessions keep their ratings") {
    SessionRecord stopped = session("Wall", kNow, {before(Side::Left, 8)});
    stopped.how = "stopped";
    const Progress p = tensionProgress({stopped}, {"", "", std::nullopt, kNow});
    REQUIRE(p.left.sessions.size() == 1);
    CHECK(*p.left.sessions[0].before == 8);
}

TEST_CASE("progress: only the last N weeks before now") {
    const std::vector<SessionRecord> history = {
        session("Wall", kNow - 6 * kDay, {before(Side::Left, 5)}),
        session("Wall", kNow - 7 * kDay, {before(Side::Left, 6)}),
        session("Wall", kNow - 7 * kDay - 1, {before(Side::Left, 7)}),
    };
    const Progress oneWeek = tensionProgress(history, {"", "", 1, kNow});
    REQUIRE(oneWeek.left.sessions.size() == 2);
    CHECK(*oneWeek.left.sessions[0].before == 6);
    CHECK(tensionProgress(history, {"", "", 2, kNow}).left.sessions.size() == 3);
    CHECK(tensionProgress(history, {"", "", 1, kNow + 30 * kDay}).empty());
}

TEST_CASE("progress: only one routine, by its file or by its title") {
    const std::vector<SessionRecord> history = {
        session("Wall", kNow, {before(Side::Left, 5)}, "routines/wall.yaml"),
        session("Lying", kNow, {before(Side::Left, 6)}, "routines/lying.yaml"),
    };
    const Progress byTitle = tensionProgress(history, {"", "Lying", std::nullopt, kNow});
    REQUIRE(byTitle.left.sessions.size() == 1);
    CHECK(byTitle.left.sessions[0].routineTitle == "Lying");
    const Progress byFile =
        tensionProgress(history, {"routines/wall.yaml", "", std::nullopt, kNow});
    REQUIRE(byFile.left.sessions.size() == 1);
    CHECK(byFile.left.sessions[0].routineTitle == "Wall");
    CHECK(tensionProgress(history, {"other.yaml", "Other", std::nullopt, kNow}).empty());
}

TEST_CASE("progress: the same file under another spelling is the same routine") {
    TempPath dir("progress");
    const auto file = dir.path / "wall.yaml";
    std::ofstream(file) << "title: Wall\n";
    const std::string otherSpelling = (dir.path / "." / "wall.yaml").string();
    const std::vector<SessionRecord> history = {
        session("Wall (old title)", kNow, {before(Side::Right, 4)}, file.string())};
    const Progress p = tensionProgress(history, {otherSpelling, "Wall", std::nullopt, kNow});
    CHECK(p.right.sessions.size() == 1);
}
