// SPDX-License-Identifier: MIT

#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QJsonObject>
#include <QList>
#include <QTcpSocket>

namespace Stressdeck::Testing {

//! One server-sent event as the tests see it: its fields, and when the read that completed it returned.
struct SseEvent {
    qint64 atMs = 0; //!< since the request was written
    int read = 0; //!< index of that read
    QByteArray name; //!< the event: field, if any
    QByteArray data; //!< the data: lines, joined with '\n'
    QJsonObject json() const;
    bool isDone() const { return data == "[DONE]"; }
    //! For OpenAI-style events: choices[0], its delta, and the text it adds (delta.content or text).
    QJsonObject choice() const;
    QJsonObject delta() const;
    QString text() const;
};

//! What one request on a StreamClient brought back.
struct StreamAnswer {
    int status = 0;
    QByteArray head; //!< the status line and headers, lower case
    bool chunked = false;
    bool complete = false; //!< the body ended properly (the zero chunk, or Content-Length bytes)
    bool closed = false; //!< the server closed or reset the connection
    qint64 headersAtMs = -1;
    QByteArray body; //!< de-chunked
    QList<qint64> readsAtMs;
    QList<SseEvent> events;
    QList<QByteArray> comments;
    QJsonObject json() const;
    //! The events that add text, in order, and all that text.
    QList<SseEvent> contentEvents() const;
    QString contentText() const;
    bool hasHeader(const char* line) const { return head.contains(QByteArray(QByteArray("\r\n") + line + "\r\n")); }
};

//! A blocking HTTP/1.1 client on one keep-alive QTcpSocket for tests against a server on another
//! thread: it reads a (chunked) response with a timestamp per read and splits server-sent events
//! (LF or CRLF lines, comments, event: and data: fields). A test tool, not the product's parser.
class StreamClient {
public:
    bool connectTo(quint16 port);
    //! Sends a request and reads the answer until it is complete, the connection ends, `timeoutMs`
    //! passes, or (when >= 0) `stopAfterEvents` events have arrived.
    StreamAnswer request(const QByteArray& method, const QByteArray& path, const QByteArray& body = {},
        int timeoutMs = 10000, int stopAfterEvents = -1)
    {
        send(method, path, body);
        return read(timeoutMs, stopAfterEvents);
    }
    //! The two halves of request(), for several requests in flight at once; times count from send().
    void send(const QByteArray& method, const QByteArray& path, const QByteArray& body = {});
    StreamAnswer read(int timeoutMs = 10000, int stopAfterEvents = -1);
    void abort() { m_socket.abort(); }
    bool isConnected() const { return m_socket.state() == QAbstractSocket::ConnectedState; }

private:
    QTcpSocket m_socket;
    QElapsedTimer m_sent;
    quint16 m_port = 0;
};

} // namespace Stressdeck::Testing
