// SPDX-License-Identifier: MIT

#include "filesizelimit.h"
#include "scenario.h"

#include <QDir>
#include <QFile>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Stressdeck;

class TestScenario : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void builtInsMatchTheArchiveAiScript()
    {
        const Scenario s = Scenario::archiveAi();
        QString error;
        QVERIFY2(s.validate(&error), qPrintable(error));
        QCOMPARE(s.requestTypes.size(), 5);
        QStringList names, paths;
        for (const RequestType& t : s.requestTypes) {
            names << t.name;
            paths << t.path;
            QCOMPARE(t.method, QByteArray("POST"));
            QCOMPARE(t.weight, 1.0);
            QCOMPARE(t.acceptedStatus, QList<int> { 200 });
        }
        QCOMPARE(names,
            QStringList({ QStringLiteral("chat"), QStringLiteral("agent"), QStringLiteral("memory_search"),
                QStringLiteral("code_execution"), QStringLiteral("library_search") }));
        QCOMPARE(paths,
            QStringList({ QStringLiteral("/chat"), QStringLiteral("/agent/"), QStringLiteral("/memories/search"),
                QStringLiteral("/code_assist"), QStringLiteral("/library/search") }));
        QCOMPARE(s.requestTypes[0].bodies, QList<QByteArray> { QByteArrayLiteral("{\"message\":\"What is 2+2?\"}") });
        QCOMPARE(s.requestTypes[1].bodies.size(), 4);
        const QJsonObject code = QJsonDocument::fromJson(s.requestTypes[3].bodies[1]).object();
        QCOMPARE(code.value(QStringLiteral("task")).toString(),
            QStringLiteral("Execute this code: import math\nprint(math.pi)"));
        const QJsonObject memory = QJsonDocument::fromJson(s.requestTypes[2].bodies[0]).object();
        QCOMPARE(memory.value(QStringLiteral("top_k")).toInt(), 5);

        const Scenario original = Scenario::archiveAiOriginal();
        QCOMPARE(original.requestTypes[1].path, QStringLiteral("/agent"));
        QCOMPARE(original.requestTypes[2].path, QStringLiteral("/memory/search"));
        QCOMPARE(original.requestTypes[3].path, QStringLiteral("/code-assist"));
        QCOMPARE(Scenario::builtIn(QStringLiteral("archive-ai-original")).name, original.name);
    }

    void saveAndLoadRoundTrip()
    {
        QTemporaryDir dir;
        Scenario s = Scenario::archiveAi();
        s.requestTypes[0].headers.append({ QByteArrayLiteral("X-Trace"), QByteArrayLiteral("1") });
        s.requestTypes[4].acceptedStatus = { 200, 204 };
        s.requestTypes[4].followRedirects = true;
        s.requestTypes[4].weight = 2.5;
        QString error;
        const QString file = dir.filePath(QStringLiteral("s.json"));
        QVERIFY2(s.save(file, &error), qPrintable(error));
        Scenario back;
        QVERIFY2(Scenario::load(file, &back, &error), qPrintable(error));
        QCOMPARE(back, s);
    }

    void streamingTypesRoundTrip()
    {
        const QByteArray json = QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"chat\",\"method\":\"POST\",\"path\":\"/v1/chat/"
            "completions\",\"stream\":\"openai\",\"bodies\":[{\"model\":\"m\",\"stream\":false}]},"
            "{\"name\":\"plain\",\"path\":\"/\"}]}");
        Scenario s;
        QString error;
        QVERIFY2(Scenario::fromJson(json, QStringLiteral("f.json"), &s, &error), qPrintable(error));
        QCOMPARE(s.requestTypes[0].stream, RequestType::Stream::OpenAi);
        QVERIFY(s.requestTypes[0].isStreaming());
        QVERIFY(!s.requestTypes[1].isStreaming());
        Scenario back;
        QVERIFY2(Scenario::fromJson(s.toJson(), QStringLiteral("again"), &back, &error), qPrintable(error));
        QCOMPARE(back, s);
        // The file keeps what the user wrote; only what is sent has the stream options.
        QVERIFY(!s.toJson().contains("include_usage"));
        QVERIFY(!QJsonDocument::fromJson(s.toJson())
                     .object()
                     .value(QStringLiteral("request_types"))
                     .toArray()
                     .at(1)
                     .toObject()
                     .contains(QStringLiteral("stream")));
    }

    void streamingBodiesAreMerged()
    {
        RequestType t;
        t.bodies = { QByteArrayLiteral("{\"model\":\"m\",\"stream\":false,\"max_tokens\":20}") };
        QCOMPARE(t.bodiesToSend(), t.bodies); // not streaming: as written
        t.stream = RequestType::Stream::OpenAi;
        const QList<QByteArray> sent = t.bodiesToSend();
        QCOMPARE(sent.size(), 1);
        const QJsonObject body = QJsonDocument::fromJson(sent[0]).object();
        QCOMPARE(body.value(QStringLiteral("stream")), QJsonValue(true));
        QCOMPARE(body.value(QStringLiteral("stream_options")).toObject().value(QStringLiteral("include_usage")),
            QJsonValue(true));
        QCOMPARE(body.value(QStringLiteral("model")).toString(), QStringLiteral("m"));
        QCOMPARE(body.value(QStringLiteral("max_tokens")).toInt(), 20);
        t.bodies.clear();
        const QJsonObject alone = QJsonDocument::fromJson(t.bodiesToSend().value(0)).object();
        QCOMPARE(alone.value(QStringLiteral("stream")), QJsonValue(true));
    }

    void multipartBodies()
    {
        QTemporaryDir dir;
        QFile clip(dir.filePath(QStringLiteral("hello.wav")));
        QVERIFY(clip.open(QIODevice::WriteOnly));
        clip.write("RIFF-not-really-a-wav");
        clip.close();
        const QByteArray json = R"({"name": "voice", "request_types": [{"name": "transcribe", "method": "POST",
            "path": "/voice/transcribe", "multipart": [{"name": "audio", "wav": {"seconds": 0.5, "sample_rate": 8000}},
            {"name": "clip", "file": "hello.wav"}, {"name": "language", "value": "en"}]}]})";
        const QString file = dir.filePath(QStringLiteral("voice.json"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(json);
        f.close();
        Scenario s;
        QString error;
        QVERIFY2(Scenario::load(file, &s, &error), qPrintable(error));
        const RequestType& t = s.requestTypes[0];
        QCOMPARE(t.multipart.size(), 3);
        // 44 bytes of header, then 0.5 s × 8000 samples × 2 bytes.
        QCOMPARE(t.multipart[0].data.size(), 44 + 8000);
        QVERIFY(t.multipart[0].data.startsWith("RIFF"));
        QCOMPARE(t.multipart[0].data.mid(8, 8), QByteArray("WAVEfmt "));
        QCOMPARE(t.multipart[1].data, QByteArray("RIFF-not-really-a-wav"));
        QCOMPARE(t.multipart[1].filename, QStringLiteral("hello.wav"));
        QCOMPARE(t.multipart[1].contentType, QStringLiteral("audio/wav"));

        const QList<QByteArray> bodies = t.bodiesToSend();
        QCOMPARE(bodies.size(), 1);
        const auto headers = t.headersToSend();
        QCOMPARE(headers.size(), 1);
        QCOMPARE(headers[0].first, QByteArray("Content-Type"));
        QVERIFY(headers[0].second.startsWith("multipart/form-data; boundary=stressdeck-"));
        const QByteArray boundary = headers[0].second.mid(headers[0].second.indexOf('=') + 1);
        const QByteArray dash = QByteArray("--" + boundary);
        QVERIFY(bodies[0].startsWith(QByteArray(dash
            + "\r\nContent-Disposition: form-data; name=\"audio\"; "
              "filename=\"speech.wav\"\r\nContent-Type: audio/wav\r\n\r\nRIFF")));
        QVERIFY(bodies[0].contains(
            QByteArray("\r\n" + dash + "\r\nContent-Disposition: form-data; name=\"language\"\r\n\r\nen\r\n")));
        QVERIFY(bodies[0].endsWith(QByteArray("\r\n" + dash + "--\r\n")));
        QCOMPARE(bodies[0].count(dash), 4);

        // Saved, the file keeps the sources (not the bytes) and reads back the same.
        const QString copy = dir.filePath(QStringLiteral("copy.json"));
        QVERIFY2(s.save(copy, &error), qPrintable(error));
        Scenario back;
        QVERIFY2(Scenario::load(copy, &back, &error), qPrintable(error));
        QCOMPARE(back, s);
        QFile saved(copy);
        QVERIFY(saved.open(QIODevice::ReadOnly));
        const QByteArray text = saved.readAll();
        QVERIFY(text.contains("\"file\": \"hello.wav\""));
        QVERIFY(!text.contains("RIFF"));
    }

    void multiModalBuiltIn()
    {
        const Scenario s = Scenario::builtIn(QStringLiteral("archive-ai-multimodal"));
        QCOMPARE(s.name, QStringLiteral("Archive-AI multi-modal"));
        QCOMPARE(Scenario::builtIn(QStringLiteral("Archive-AI multi-modal")).name, s.name);
        QVERIFY(Scenario::builtInIds().contains(QStringLiteral("archive-ai-multimodal")));
        QString error;
        QVERIFY2(s.validate(&error), qPrintable(error));
        QStringList names;
        for (const RequestType& t : s.requestTypes)
            names << t.name;
        QCOMPARE(names,
            QStringList({ QStringLiteral("chat"), QStringLiteral("agent"), QStringLiteral("memory_search"),
                QStringLiteral("code_execution"), QStringLiteral("library_search"), QStringLiteral("voice_synthesize"),
                QStringLiteral("voice_transcribe"), QStringLiteral("llm_stream") }));
        QVERIFY(s.requestTypes[7].isStreaming());
        QCOMPARE(s.requestTypes[6].multipart.size(), 1);
        QCOMPARE(s.requestTypes[6].multipart[0].data.size(), 44 + 2 * 16000 * 2);
        // Through JSON and back, as profiles and reports keep it.
        Scenario back;
        QVERIFY2(Scenario::fromJson(s.toJson(), QStringLiteral("mm"), &back, &error), qPrintable(error));
        QCOMPARE(back, s);
    }

    void stagesInAScenarioFile()
    {
        Scenario s;
        QString error;
        QVERIFY2(Scenario::fromJson(QByteArrayLiteral("{\"name\":\"x\",\"rate_stages\":\"1m:100,30s:100,0s:0\","
                                                      "\"request_types\":[{\"name\":\"a\",\"path\":\"/\"}]}"),
                     QStringLiteral("f.json"), &s, &error),
            qPrintable(error));
        QCOMPARE(s.stages.unit(), Stages::Unit::Rate);
        QCOMPARE(s.stages.toString(), QStringLiteral("1m00s:100,30s:100,0s:0"));
        QVERIFY(!s.toJson().contains("\"stages\""));
        Scenario back;
        QVERIFY2(Scenario::fromJson(s.toJson(), QStringLiteral("again"), &back, &error), qPrintable(error));
        QCOMPARE(back, s);

        QVERIFY2(Scenario::fromJson(QByteArrayLiteral("{\"name\":\"x\",\"stages\":[{\"duration_s\":10,\"target\":"
                                                      "4}],\"request_types\":[{\"name\":\"a\",\"path\":\"/\"}]}"),
                     QStringLiteral("f.json"), &s, &error),
            qPrintable(error));
        QCOMPARE(s.stages.unit(), Stages::Unit::Users);
        QCOMPARE(s.stages.totalDuration(), 10.0);
        QVERIFY(Scenario::archiveAi().stages.isEmpty());
        QVERIFY(!Scenario::archiveAi().toJson().contains("stages"));
    }

    void failedSaveKeepsTheOldFile()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("s.json"));
        const Scenario original = Scenario::archiveAi();
        QString error;
        QVERIFY2(original.save(file, &error), qPrintable(error));
        QFile old(file);
        QVERIFY(old.open(QIODevice::ReadOnly));
        const QByteArray oldBytes = old.readAll();
        old.close();

        Scenario changed = original;
        changed.name = QStringLiteral("changed");
        bool saved = false;
        {
            const Testing::FileSizeLimit full(changed.toJson().size() / 2); // the disk fills halfway
            saved = changed.save(file, &error);
        }
        QVERIFY(!saved);
        QVERIFY2(error.startsWith(file + QLatin1String(": cannot write")), qPrintable(error));
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), oldBytes);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList { QStringLiteral("s.json") });
    }

    void badFilesNameTheProblem_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("expected");
        QTest::addRow("syntax error names line")
            << QByteArrayLiteral("{\n\"name\": \"x\",\n\"request_types\": [\n}") << QStringLiteral("f.json:4:");
        QTest::addRow("not an object") << QByteArrayLiteral("[1]") << QStringLiteral("must be a JSON object");
        QTest::addRow("missing name") << QByteArrayLiteral("{\"request_types\": []}") << QStringLiteral("\"name\"");
        QTest::addRow("no types") << QByteArrayLiteral("{\"name\":\"x\",\"request_types\": []}")
                                  << QStringLiteral("at least one request type");
        QTest::addRow("bad weight type") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"weight\":\"high\"}]}")
                                         << QStringLiteral("request_types[0].weight");
        QTest::addRow("negative weight") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"weight\":-1}]}")
                                         << QStringLiteral("request_types[0].weight");
        QTest::addRow("path without slash")
            << QByteArrayLiteral("{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"chat\"}]}")
            << QStringLiteral("request_types[0].path");
        QTest::addRow("bad method") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"method\":\"FETCH\"}]}")
                                    << QStringLiteral("request_types[0].method");
        QTest::addRow("bad status") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"accepted_status\":[999]}]}")
                                    << QStringLiteral("request_types[0].accepted_status");
        QTest::addRow("duplicate names") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\"},{\"name\":\"a\",\"path\":\"/\"}]}")
                                         << QStringLiteral("request_types[1].name");
        QTest::addRow("body of wrong kind")
            << QByteArrayLiteral("{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"bodies\":[3]}]}")
            << QStringLiteral("request_types[0].bodies[0]");
        QTest::addRow("header name with a space") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"headers\":{\"X Y\":\"1\"}}]}")
                                                  << QStringLiteral("not a valid header name");
        QTest::addRow("header value with a line break") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"headers\":{\"X\":\"1\\r\\nEvil: "
            "1\"}}]}") << QStringLiteral("line break");
        QTest::addRow("path with a space")
            << QByteArrayLiteral("{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/a b\"}]}")
            << QStringLiteral("request_types[0].path");
        QTest::addRow("bad stage") << QByteArrayLiteral(
            "{\"name\":\"x\",\"stages\":\"10s:3,5q:2\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\"}]}")
                                   << QStringLiteral("\"stages\": stage 2");
        QTest::addRow("fractional users") << QByteArrayLiteral(
            "{\"name\":\"x\",\"stages\":[{\"duration_s\":5,\"target\":2.5}],\"request_types\":[{\"name\":\"a\","
            "\"path\":\"/\"}]}") << QStringLiteral("\"stages\": stage 1");
        QTest::addRow("both kinds of stages") << QByteArrayLiteral(
            "{\"name\":\"x\",\"stages\":\"5s:1\",\"rate_stages\":\"5s:1\",\"request_types\":[{\"name\":\"a\","
            "\"path\":\"/\"}]}") << QStringLiteral("\"rate_stages\"");
        QTest::addRow("stages of the wrong kind") << QByteArrayLiteral(
            "{\"name\":\"x\",\"rate_stages\":5,\"request_types\":[{\"name\":\"a\",\"path\":\"/\"}]}")
                                                  << QStringLiteral("\"rate_stages\"");
        QTest::addRow("unknown stream kind") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"stream\":\"grpc\"}]}")
                                             << QStringLiteral("request_types[0].stream");
        QTest::addRow("stream of the wrong kind")
            << QByteArrayLiteral("{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"stream\":true}]}")
            << QStringLiteral("request_types[0].stream");
        QTest::addRow("streaming body not an object") << QByteArrayLiteral(
            "{\"name\":\"x\",\"request_types\":[{\"name\":\"chat\",\"path\":\"/\",\"stream\":\"openai\","
            "\"bodies\":[{\"a\":1},[1,2]]}]}") << QStringLiteral("request_types[0].bodies[1] (\"chat\")");
        auto multipart = [](const char* parts, const char* extra = "") -> QByteArray {
            return QByteArray("{\"name\":\"x\",\"request_types\":[{\"name\":\"up\",\"method\":\"POST\",\"path\":\"/\","
                              "\"multipart\":")
                + parts + extra + "}]}";
        };
        QTest::addRow("multipart not an array") << multipart("{}") << QStringLiteral("request_types[0].multipart\"");
        QTest::addRow("multipart part with two sources")
            << multipart("[{\"name\":\"a\",\"value\":\"1\",\"wav\":{}}]")
            << QStringLiteral("request_types[0].multipart[0]\": needs exactly one");
        QTest::addRow("multipart file missing") << multipart("[{\"name\":\"a\",\"file\":\"no-such.wav\"}]")
                                                << QStringLiteral("request_types[0].multipart[0].file\": cannot read");
        QTest::addRow("multipart file a device")
            << multipart("[{\"name\":\"a\",\"file\":\"/dev/zero\"}]") << QStringLiteral("is not a regular file");
        QTest::addRow("multipart wav too long") << multipart("[{\"name\":\"a\",\"wav\":{\"seconds\":601}}]")
                                                << QStringLiteral("request_types[0].multipart[0].wav.seconds");
        QTest::addRow("multipart odd sample rate") << multipart("[{\"name\":\"a\",\"wav\":{\"sample_rate\":16000.5}}]")
                                                   << QStringLiteral("request_types[0].multipart[0].wav.sample_rate");
        QTest::addRow("multipart with bodies") << multipart("[{\"name\":\"a\",\"value\":\"1\"}]", ",\"bodies\":[\"x\"]")
                                               << QStringLiteral("request_types[0].multipart\": cannot be combined");
        QTest::addRow("multipart with its own content type") << multipart("[{\"name\":\"a\",\"value\":\"1\"}]",
            ",\"headers\":{\"content-type\":\"text/plain\"}") << QStringLiteral("Content-Type is set");
        QTest::addRow("multipart part name with a quote")
            << multipart("[{\"name\":\"a\\\"b\",\"value\":\"1\"}]") << QStringLiteral("without quotes");
        QTest::addRow("all weights zero")
            << QByteArrayLiteral("{\"name\":\"x\",\"request_types\":[{\"name\":\"a\",\"path\":\"/\",\"weight\":0}]}")
            << QStringLiteral("weight");
    }

    void badFilesNameTheProblem()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, expected);
        Scenario s;
        QString error;
        QVERIFY(!Scenario::fromJson(json, QStringLiteral("f.json"), &s, &error));
        QVERIFY2(error.startsWith(QLatin1String("f.json")), qPrintable(error));
        QVERIFY2(error.contains(expected), qPrintable(error));
    }

    void missingFileIsAnError()
    {
        Scenario s;
        QString error;
        QVERIFY(!Scenario::load(QStringLiteral("/nonexistent/s.json"), &s, &error));
        QVERIFY(error.contains(QLatin1String("/nonexistent/s.json")));
    }

    void requestSpecs()
    {
        RequestType t;
        QString error;
        QVERIFY(Scenario::parseRequestSpec(QStringLiteral("GET /index.html"), &t, &error));
        QCOMPARE(t.method, QByteArray("GET"));
        QCOMPARE(t.path, QStringLiteral("/index.html"));
        QVERIFY(t.bodies.isEmpty());
        QVERIFY(Scenario::parseRequestSpec(QStringLiteral("post /chat {\"message\": \"hi\"}"), &t, &error));
        QCOMPARE(t.method, QByteArray("POST"));
        QCOMPARE(t.bodies.size(), 1);
        QVERIFY(!Scenario::parseRequestSpec(QStringLiteral("POST /chat {broken"), &t, &error));
        QVERIFY(error.contains(QLatin1String("JSON")));
        QVERIFY(!Scenario::parseRequestSpec(QStringLiteral("/chat"), &t, &error));
        QVERIFY(!Scenario::parseRequestSpec(QStringLiteral("BREW /pot"), &t, &error));
    }
};

QTEST_GUILESS_MAIN(TestScenario)
#include "tst_scenario.moc"
