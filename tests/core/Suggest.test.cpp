#include "TestSupport.hpp"

#include "core/Suggest.hpp"

using namespace rollcoach;

namespace {

const std::vector<std::string> kStepKeys = {"name", "duration_s", "cue", "place", "motion"};
const std::vector<std::string> kBalls = {"tennis", "yoga-tune-up", "yoga-tune-up-plus"};
const std::vector<std::string> kPatterns = {"hold", "horizontal", "vertical", "circle", "path"};

} // namespace

TEST_CASE("closestMatch finds the word meant through a slip of the keyboard") {
    CHECK(closestMatch("tenis", kBalls) == "tennis");
    CHECK(closestMatch("tennnis", kBalls) == "tennis");
    CHECK(closestMatch("yoga-tune-upp", kBalls) == "yoga-tune-up");
    CHECK(closestMatch("yoga-tune-up-pluss", kBalls) == "yoga-tune-up-plus");
    CHECK(closestMatch("duraton_s", kStepKeys) == "duration_s");
    CHECK(closestMatch("plase", kStepKeys) == "place");
    CHECK(closestMatch("circel", kPatterns) == "circle");
    CHECK(closestMatch("vertikal", kPatterns) == "vertical");
    CHECK(closestMatch("tennis", kBalls) == "tennis");
}

TEST_CASE("closestMatch ignores case and answers in the candidate's spelling") {
    CHECK(closestMatch("TENNIS", kBalls) == "tennis");
    CHECK(closestMatch("Horizontal", kPatterns) == "horizontal");
    CHECK(closestMatch("Duration_S", kStepKeys) == "duration_s");
}

TEST_CASE("closestMatch allows two edits, or a third of a long word, and no more") {
    // Short words: two edits at most.
    CHECK(closestMatch("bxxl", {"ball"}) == "ball");
    CHECK(closestMatch("bxxx", {"ball"}).empty());
    CHECK(closestMatch("b", {"ball"}).empty());
    // Twelve letters: four edits.
    CHECK(closestMatch("abcdefghWXYZ", {"abcdefghijkl"}) == "abcdefghijkl");
    CHECK(closestMatch("abcdefgVWXYZ", {"abcdefghijkl"}).empty());
    // Words unlike any candidate get no suggestion.
    CHECK(closestMatch("shoulder", kBalls).empty());
    CHECK(closestMatch("zigzag", kPatterns).empty());
}

TEST_CASE("closestMatch takes the nearest candidate, and the first listed on a tie") {
    CHECK(closestMatch("yoga-tune-up-plu", kBalls) == "yoga-tune-up-plus");
    CHECK(closestMatch("yoga-tune-u", kBalls) == "yoga-tune-up");
    CHECK(closestMatch("bat", {"cat", "hat"}) == "cat");
    CHECK(closestMatch("bat", {"hat", "cat"}) == "hat");
    CHECK(closestMatch("bat", {"cart", "hat", "bat"}) == "bat");
}

TEST_CASE("closestMatch gives nothing with no candidates or for a word over 64 characters") {
    CHECK(closestMatch("tennis", {}).empty());
    const std::string longest(64, 'k');
    CHECK(closestMatch(longest, {longest}) == longest);
    const std::string tooLong(65, 'k');
    CHECK(closestMatch(tooLong, {tooLong}).empty());
}
