#include "core/TextEntry.hpp"

#include <doctest/doctest.h>

using namespace rollcoach;

TEST_CASE("text entry: typing, cursor keys, Home and End, Backspace and Delete in UTF-8") {
    TextEntry entry("Schulter");
    entry.home();
    entry.insert(U'Ö');
    CHECK(entry.text() == "ÖSchulter");
    entry.left();
    CHECK(entry.cursor() == 0);
    entry.right();
    CHECK(entry.cursor() == 2);
    entry.backspace();
    CHECK(entry.text() == "Schulter");
    entry.end();
    entry.insert(" 肩");
    entry.left();
    entry.erase();
    CHECK(entry.text() == "Schulter ");
    entry.backspace();
    entry.backspace();
    CHECK(entry.text() == "Schulte");
    entry.home();
    entry.erase();
    CHECK(entry.text() == "chulte");
    entry.home();
    entry.backspace(); // nothing before the cursor
    CHECK(entry.text() == "chulte");
}

TEST_CASE("text entry: a paste's line breaks become spaces and control characters go") {
    TextEntry entry;
    entry.insert(std::string("one\r\ntwo\nthree\x1b[2J\x07 \xC2\x85x"));
    CHECK(entry.text() == "one two three[2J x");
    CHECK(entry.cursor() == entry.text().size());
    CHECK(utf8Of(0xD800).empty());
    CHECK(utf8Of(0x1F600) == "\xF0\x9F\x98\x80");
}
