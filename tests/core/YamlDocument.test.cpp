#include "TestSupport.hpp"

#include "core/YamlDocument.hpp"

using namespace rollcoach;
using namespace rollcoach::test;

TEST_CASE("marks are 1-based lines and columns") {
    Diagnostics diagnostics;
    YamlDocument doc = YamlDocument::parse("a: 1\nb:\n  - x\n", diagnostics);
    REQUIRE(diagnostics.empty());
    const YamlNode* root = doc.root();
    REQUIRE(root != nullptr);
    REQUIRE(root->entries.size() == 2);
    CHECK(root->entries[0].second->mark.line == 1);
    CHECK(root->entries[0].second->mark.column == 4);
    CHECK(root->entries[1].second->items[0]->mark.line == 3);
    CHECK(root->entries[1].second->items[0]->mark.column == 5);
}

TEST_CASE("aliases share their node instead of copying it") {
    Diagnostics diagnostics;
    std::string text = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    char previous = 'a';
    for (char name = 'b'; name <= 'z'; ++name) {
        text += std::string(1, name) + ": &" + name + " [";
        for (int i = 0; i < 10; ++i) {
            text += std::string(i ? ", *" : "*") + previous;
        }
        text += "]\n";
        previous = name;
    }
    YamlDocument doc = YamlDocument::parse(text, diagnostics);
    CHECK(diagnostics.empty());
    REQUIRE(doc.root() != nullptr);
    CHECK(doc.root()->entries.size() == 26);
}

TEST_CASE("deep nesting is refused with a location") {
    Diagnostics diagnostics;
    YamlDocument doc =
        YamlDocument::parse(std::string(100000, '[') + std::string(100000, ']'), diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message.find("nested too deeply") == 0);
    CHECK(diagnostics[0].mark.line == 1);
    CHECK(diagnostics[0].mark.column == 65);
    CHECK(doc.root() == nullptr);
}

TEST_CASE("a second document is an error at its start") {
    Diagnostics diagnostics;
    YamlDocument::parse("a: 1\n---\nb: 2\n---\nc: 3\n", diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].mark.line == 2);
    CHECK(diagnostics[0].message.find("one YAML document") != std::string::npos);
}

TEST_CASE("NUL and non-UTF-8 bytes are located") {
    Diagnostics diagnostics;
    YamlDocument::parse(std::string("a: 1\nb: x\0y\n", 12), diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message == "the file holds a NUL byte");
    CHECK(diagnostics[0].mark.line == 2);
    CHECK(diagnostics[0].mark.column == 5);
    diagnostics.clear();
    YamlDocument::parse("title: caf\xe9\n", diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message == "the file holds a byte that is not UTF-8");
    CHECK(diagnostics[0].mark.column == 11);
    diagnostics.clear();
    YamlDocument::parse("title: caf\xc3\xa9 \xe2\x9c\x93\n", diagnostics);
    CHECK(diagnostics.empty());
}

TEST_CASE("an alias to a node that contains it is refused") {
    Diagnostics diagnostics;
    YamlDocument doc = YamlDocument::parse("a: &x [1, *x]\n", diagnostics);
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].message == "alias refers to a node that contains it");
}
