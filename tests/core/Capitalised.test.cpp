#include "core/PrintableText.hpp"

#include <doctest/doctest.h>

using namespace rollcoach;

TEST_CASE("capitalised: the first letter only, in UTF-8") {
    CHECK(capitalised("left side") == "Left side");
    CHECK(capitalised("Left side") == "Left side");
    CHECK(capitalised("") == "");
    CHECK(capitalised("3 sides") == "3 sides");
    // German, Spanish, French: a capital of two bytes, like its small letter.
    CHECK(capitalised("über die Schulter") == "Über die Schulter");
    CHECK(capitalised("ángulo") == "Ángulo");
    CHECK(capitalised("ñandú") == "Ñandú");
    CHECK(capitalised("été") == "Été");
    // Latin Extended-A (Polish, Czech), Greek, Cyrillic.
    CHECK(capitalised("łopatka") == "Łopatka");
    CHECK(capitalised("ľavá") == "Ľavá");
    CHECK(capitalised("žebro") == "Žebro");
    CHECK(capitalised("ώμος") == "ώμος"); // a small letter with a tonos has no plain capital here
    CHECK(capitalised("αριστερά") == "Αριστερά");
    CHECK(capitalised("левая сторона") == "Левая сторона");
    CHECK(capitalised("ёж") == "Ёж");
    CHECK(capitalised("ÿ") == "Ÿ");
    // What is no small letter stays as it is, a stray byte too.
    CHECK(capitalised("÷ 2") == "÷ 2");
    CHECK(capitalised("ß") == "ß");
    CHECK(capitalised("\xff"
                      "abc") == "\xff"
                                "abc");
    CHECK(capitalised("日本") == "日本");
}
