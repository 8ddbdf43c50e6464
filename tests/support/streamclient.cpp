// SPDX-License-Identifier: MIT

#include "streamclient.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace Stressdeck::Testing {

QJsonObject SseEvent::json() const
{
    return QJsonDocument::fromJson(data).object();
}

QJsonObject SseEvent::choice() const
{
    return json().value(QStringLiteral("choices")).toArray().first().toObject();
}

QJsonObject SseEvent::delta() const
{
    return choice().value(QStringLiteral("delta")).toObject();
}

QString SseEvent::text() const
{
    const QJsonObject c = choice();
    return c.contains(QStringLiteral("text")) ? c.value(QStringLiteral("text")).toString()
                                              : delta().value(QStringLiteral("content")).toString();
}

QJsonObject StreamAnswer::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QList<SseEvent> StreamAnswer::contentEvents() const
{
    QList<SseEvent> content;
    for (const SseEvent& e : events) {
        if (!e.text().isEmpty())
            content.append(e);
    }
    return content;
}

QString StreamAnswer::contentText() const
{
    QString text;
    for (const SseEvent& e : events)
        text += e.text();
    return text;
}

bool StreamClient::connectTo(quint16 port)
{
    m_port = port;
    m_socket.connectToHost(QHostAddress::LocalHost, port);
    return m_socket.waitForConnected(5000);
}

namespace {

//! Splits de-chunked bytes into server-sent events, a complete line at a time.
class SseSplitter {
public:
    void feed(const QByteArray& bytes, qint64 atMs, int read, StreamAnswer* answer)
    {
        m_buffer += bytes;
        for (;;) {
            qsizetype end = -1;
            for (qsizetype i = 0; i < m_buffer.size(); ++i) {
                if (m_buffer[i] == '\n' || m_buffer[i] == '\r') {
                    end = i;
                    break;
                }
            }
            if (end < 0)
                return;
            qsizetype next = end + 1;
            if (m_buffer[end] == '\r') {
                if (next == m_buffer.size())
                    return; // the LF of a CRLF may still come
                if (m_buffer[next] == '\n')
                    ++next;
            }
            const QByteArray line = m_buffer.left(end);
            m_buffer.remove(0, next);
            handleLine(line, atMs, read, answer);
        }
    }

private:
    void handleLine(const QByteArray& line, qint64 atMs, int read, StreamAnswer* answer)
    {
        if (line.isEmpty()) {
            if (m_hasData) {
                m_event.atMs = atMs;
                m_event.read = read;
                m_event.data.chop(1);
                answer->events.append(m_event);
            }
            m_event = {};
            m_hasData = false;
            return;
        }
        if (line.startsWith(':')) {
            answer->comments.append(line.mid(1).trimmed());
            return;
        }
        const qsizetype colon = line.indexOf(':');
        const QByteArray field = colon < 0 ? line : line.left(colon);
        QByteArray value = colon < 0 ? QByteArray() : line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
        if (field == "data") {
            m_event.data += value + '\n';
            m_hasData = true;
        } else if (field == "event") {
            m_event.name = value;
        }
    }

    QByteArray m_buffer;
    SseEvent m_event;
    bool m_hasData = false;
};

} // namespace

void StreamClient::send(const QByteArray& method, const QByteArray& path, const QByteArray& body)
{
    QByteArray out = method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + QByteArray::number(m_port) + "\r\n";
    if (!body.isEmpty())
        out += "Content-Type: application/json\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n";
    out += "\r\n" + body;
    m_sent.start();
    m_socket.write(out);
    m_socket.flush();
}

StreamAnswer StreamClient::read(int timeoutMs, int stopAfterEvents)
{
    StreamAnswer answer;
    const QElapsedTimer& clock = m_sent;

    QByteArray raw; // bytes after the head not yet de-chunked
    bool inHead = true;
    qint64 contentLength = -1;
    SseSplitter sse;
    int reads = 0;
    while (!answer.complete && clock.elapsed() < timeoutMs
        && (stopAfterEvents < 0 || answer.events.size() < stopAfterEvents)) {
        if (m_socket.bytesAvailable() == 0
            && !m_socket.waitForReadyRead(int(std::max<qint64>(1, timeoutMs - clock.elapsed())))) {
            if (m_socket.state() != QAbstractSocket::ConnectedState) {
                answer.closed = true;
                break;
            }
            continue;
        }
        const qint64 at = clock.elapsed();
        raw += m_socket.readAll();
        answer.readsAtMs.append(at);
        const int read = reads++;
        if (inHead) {
            const qsizetype end = raw.indexOf("\r\n\r\n");
            if (end < 0)
                continue;
            answer.head = raw.left(end + 2).toLower();
            raw.remove(0, end + 4);
            inHead = false;
            answer.headersAtMs = at;
            answer.status = answer.head.mid(9, 3).toInt();
            answer.chunked = answer.hasHeader("transfer-encoding: chunked");
            const qsizetype cl = answer.head.indexOf("\r\ncontent-length: ");
            if (cl >= 0)
                contentLength = answer.head.mid(cl + 18, answer.head.indexOf('\r', cl + 2) - cl - 18).toLongLong();
        }
        QByteArray fresh;
        if (answer.chunked) {
            for (;;) {
                const qsizetype lineEnd = raw.indexOf("\r\n");
                if (lineEnd < 0)
                    break;
                bool ok = false;
                const qint64 size = raw.left(lineEnd).toLongLong(&ok, 16);
                if (!ok || raw.size() < lineEnd + 2 + size + 2)
                    break;
                fresh += raw.mid(lineEnd + 2, size);
                raw.remove(0, lineEnd + 2 + size + 2);
                if (size == 0) {
                    answer.complete = true;
                    break;
                }
            }
        } else {
            fresh = raw;
            raw.clear();
        }
        answer.body += fresh;
        sse.feed(fresh, at, read, &answer);
        if (!answer.chunked && contentLength >= 0 && answer.body.size() >= contentLength)
            answer.complete = true;
    }
    if (!answer.complete && m_socket.state() != QAbstractSocket::ConnectedState)
        answer.closed = true;
    return answer;
}

} // namespace Stressdeck::Testing
