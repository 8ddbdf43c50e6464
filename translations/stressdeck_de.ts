<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Analysis</name>
    <message>
        <source>%1 has high timeout rate (%2%)</source>
        <translation>%1 hat eine hohe Timeout-Rate (%2 %)</translation>
    </message>
    <message>
        <source>%1 has high p95 latency (%2s)</source>
        <translation>%1 hat eine hohe p95-Latenz (%2 s)</translation>
    </message>
    <message>
        <source>%1 has high error rate (%2%)</source>
        <translation>%1 hat eine hohe Fehlerrate (%2 %)</translation>
    </message>
    <message>
        <source>no request completed</source>
        <translation>keine Anfrage abgeschlossen</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) still stuck after the timeout at the end</source>
        <translation>
            <numerusform>%n Anfrage hing am Ende noch nach dem Timeout</numerusform>
            <numerusform>%n Anfragen hingen am Ende noch nach dem Timeout</numerusform>
        </translation>
    </message>
    <message>
        <source>no request completed from %1 s to %2 s with %3 in flight</source>
        <translation>von %1 s bis %2 s wurde keine Anfrage abgeschlossen, %3 waren unterwegs</translation>
    </message>
    <message>
        <source>%1 requests completed, none stuck, no stall</source>
        <translation>%1 Anfragen abgeschlossen, keine hängt, kein Stillstand</translation>
    </message>
    <message>
        <source>success rate %1% (needs ≥ %2%)</source>
        <translation>Erfolgsquote %1 % (nötig: ≥ %2 %)</translation>
    </message>
    <message>
        <source>not enough memory samples to judge (%1)</source>
        <translation>zu wenige Speicher-Messpunkte für ein Urteil (%1)</translation>
    </message>
    <message>
        <source>memory growth %1%2 MB (%3 → %4 MB, %5 MB/min; limit %6 MB)</source>
        <translation>Speicherzuwachs %1%2 MB (%3 → %4 MB, %5 MB/min; Grenze %6 MB)</translation>
    </message>
    <message numerus="yes">
        <source>%n sample(s) collected</source>
        <translation>
            <numerusform>%n Messpunkt erfasst</numerusform>
            <numerusform>%n Messpunkte erfasst</numerusform>
        </translation>
    </message>
    <message>
        <source>No significant bottlenecks detected</source>
        <translation>Keine nennenswerten Engpässe gefunden</translation>
    </message>
</context>
<context>
    <name>Capacity</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 und %2</translation>
    </message>
    <message>
        <source> (first failure at %1 req/s: %2)</source>
        <translation> (erster Fehlschlag bei %1 Anf./s: %2)</translation>
    </message>
    <message>
        <source>Interrupted before any step passed with %1</source>
        <translation>Unterbrochen, bevor eine Stufe %1 einhielt</translation>
    </message>
    <message>
        <source>Interrupted: sustains at least %1 req/s with %2</source>
        <translation>Unterbrochen: hält mindestens %1 Anf./s mit %2 durch</translation>
    </message>
    <message>
        <source>Sustains %1 req/s with %2</source>
        <translation>Hält %1 Anf./s mit %2 durch</translation>
    </message>
    <message>
        <source>Sustains at least %1 req/s (the max rate) with %2</source>
        <translation>Hält mindestens %1 Anf./s (die Höchstrate) mit %2 durch</translation>
    </message>
    <message>
        <source>Does not sustain even the start rate of %1 req/s with %2</source>
        <translation>Hält nicht einmal die Startrate von %1 Anf./s mit %2 durch</translation>
    </message>
    <message>
        <source>No capacity found with %1</source>
        <translation>Keine Kapazität mit %1 gefunden</translation>
    </message>
    <message>
        <source>The rate search needs an SLO, e.g. p95&lt;500ms</source>
        <translation>Die Ratensuche braucht ein SLO, z. B. p95&lt;500ms</translation>
    </message>
    <message>
        <source>Growth: a factor above 1 and at most 100</source>
        <translation>Wachstum: ein Faktor über 1 und höchstens 100</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> mit %1</translation>
    </message>
    <message>
        <source>Interrupted before any step finished</source>
        <translation>Abgebrochen, bevor eine Stufe fertig war</translation>
    </message>
    <message numerus="yes">
        <source>Interrupted: throughput still grew at %n user(s) (%1 req/s)</source>
        <translation>
            <numerusform>Abgebrochen: Der Durchsatz wuchs noch bei %n Nutzer (%1 Anfr./s)</numerusform>
            <numerusform>Abgebrochen: Der Durchsatz wuchs noch bei %n Nutzern (%1 Anfr./s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Scales to %n user(s) (%1 req/s)%2</source>
        <translation>
            <numerusform>Skaliert bis %n Nutzer (%1 Anfr./s)%2</numerusform>
            <numerusform>Skaliert bis %n Nutzer (%1 Anfr./s)%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; at %n user(s): %1</source>
        <translation>
            <numerusform>; bei %n Nutzer: %1</numerusform>
            <numerusform>; bei %n Nutzern: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Throughput stops growing at %n user(s) (%1 req/s)</source>
        <translation>
            <numerusform>Der Durchsatz wächst ab %n Nutzer nicht mehr (%1 Anfr./s)</numerusform>
            <numerusform>Der Durchsatz wächst ab %n Nutzern nicht mehr (%1 Anfr./s)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n user(s): %1 req/s, p95 %2 → %3</source>
        <translation>
            <numerusform>; %n Nutzer: %1 Anfr./s, p95 %2 → %3</numerusform>
            <numerusform>; %n Nutzer: %1 Anfr./s, p95 %2 → %3</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Throughput still grows at %n user(s) (the max): %1 req/s%2</source>
        <translation>
            <numerusform>Der Durchsatz wächst noch bei %n Nutzer (dem Höchstwert): %1 Anfr./s%2</numerusform>
            <numerusform>Der Durchsatz wächst noch bei %n Nutzern (dem Höchstwert): %1 Anfr./s%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Even %n user(s) break the SLO: %1</source>
        <translation>
            <numerusform>Schon %n Nutzer verletzt das SLO: %1</numerusform>
            <numerusform>Schon %n Nutzer verletzen das SLO: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No knee found</source>
        <translation>Kein Knick gefunden</translation>
    </message>
    <message>
        <source>throughput grew by %1 % of the users&apos; growth</source>
        <translation>Durchsatz wuchs um %1 % des Nutzerzuwachses</translation>
    </message>
    <message>
        <source>no request succeeded</source>
        <translation>keine Anfrage erfolgreich</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>A step lasts from 2 s to 59 min</source>
        <translation>Eine Stufe dauert von 2 s bis 59 min</translation>
    </message>
    <message>
        <source>Users: from at least 1 up to a maximum at or above the start, at most 100000</source>
        <translation>Nutzer: ab mindestens 1 bis zu einem Höchstwert ab dem Startwert, höchstens 100000</translation>
    </message>
    <message>
        <source>&quot;%1&quot; against %2, %3 transport, steps of %4</source>
        <translation>&quot;%1&quot; gegen %2, Transport %3, Stufen von %4</translation>
    </message>
    <message>
        <source>--exchange-dir: cannot write to &quot;%1&quot;</source>
        <translation>--exchange-dir: „%1“ ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>--exchange-dir: &quot;%1&quot; holds an earlier search (%2): give each search an empty directory</source>
        <translation>--exchange-dir: „%1“ enthält eine frühere Suche (%2): jede Suche braucht ein leeres Verzeichnis</translation>
    </message>
    <message>
        <source>cannot write to &quot;%1&quot;</source>
        <translation>„%1“ ist nicht beschreibbar</translation>
    </message>
    <message>
        <source>shard(s) %1 of %2 did not report step %3 within %4 s (in %5)</source>
        <translation>Shard(s) %1 von %2 haben Schritt %3 nicht binnen %4 s gemeldet (in %5)</translation>
    </message>
    <message>
        <source>step %1: %2</source>
        <translation>Schritt %1: %2</translation>
    </message>
</context>
<context>
    <name>CapacityPdf</name>
    <message>
        <source>Stressdeck capacity search</source>
        <translation>Stressdeck-Kapazitätssuche</translation>
    </message>
    <message>
        <source>Objective (SLO)</source>
        <translation>Ziel (SLO)</translation>
    </message>
    <message>
        <source>Searched</source>
        <translation>Gesucht</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Beginn</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Rate (req/s)</source>
        <translation>Rate (Anf./s)</translation>
    </message>
    <message>
        <source>Achieved (req/s)</source>
        <translation>Erreicht (Anf./s)</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>gescheitert</translation>
    </message>
    <message>
        <source>Load curve: the scheduled rate of every step</source>
        <translation>Lastkurve: die geplante Rate jeder Stufe</translation>
    </message>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>rate (req/s)</source>
        <translation>Rate (Anf./s)</translation>
    </message>
    <message>
        <source>sustained: %1 req/s</source>
        <translation>durchgehalten: %1 Anf./s</translation>
    </message>
    <message>
        <source>warm-up (not judged)</source>
        <translation>Aufwärmen (nicht beurteilt)</translation>
    </message>
    <message>
        <source>Latency against achieved throughput</source>
        <translation>Latenz über erreichtem Durchsatz</translation>
    </message>
    <message>
        <source>achieved throughput (req/s)</source>
        <translation>erreichter Durchsatz (Anf./s)</translation>
    </message>
    <message>
        <source>latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>SLO limit %1</source>
        <translation>SLO-Grenze %1</translation>
    </message>
    <message>
        <source>Stressdeck capacity search of %1 — page %2 of %3</source>
        <translation>Stressdeck-Kapazitätssuche vom %1 — Seite %2 von %3</translation>
    </message>
    <message>
        <source>step passed</source>
        <translation>Stufe bestanden</translation>
    </message>
    <message>
        <source>step failed</source>
        <translation>Stufe gescheitert</translation>
    </message>
    <message>
        <source>Load curve: the users of every step</source>
        <translation>Lastkurve: die Nutzer jeder Stufe</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>knee: %1 users</source>
        <translation>Knick: %1 Nutzer</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>none: the knee of throughput alone</source>
        <translation>keines: allein der Knick des Durchsatzes</translation>
    </message>
    <message>
        <source>Each step runs the closed model with a fixed number of users and is judged after its warm-up. By Little&apos;s law throughput grows in proportion to the users until the service saturates; the search ends at the first step whose throughput grew by less than half of that, or that broke the SLO, and the knee is the step before it.</source>
        <translation>Jede Stufe läuft im geschlossenen Modell mit fester Nutzerzahl und wird nach ihrer Aufwärmphase beurteilt. Nach Littles Gesetz wächst der Durchsatz proportional zu den Nutzern, bis der Dienst gesättigt ist; die Suche endet bei der ersten Stufe, deren Durchsatz um weniger als die Hälfte davon wuchs oder die das SLO verletzte, und der Knick ist die Stufe davor.</translation>
    </message>
    <message>
        <source>Each step runs the open model at a constant rate and is judged after its warm-up. A step fails when it breaks the SLO, when it completes more than 5 % fewer requests per second than scheduled, or when the requests in flight keep growing through it. After the first failure the search bisects between the last passing and the first failing rate.</source>
        <translation>Jede Stufe läuft im offenen Modell mit konstanter Rate und wird nach ihrer Aufwärmphase beurteilt. Eine Stufe scheitert, wenn sie das SLO verletzt, wenn sie mehr als 5 % weniger Anfragen pro Sekunde abschließt als geplant oder wenn die laufenden Anfragen während der Stufe stetig wachsen. Nach dem ersten Scheitern halbiert die Suche das Intervall zwischen der letzten bestandenen und der ersten gescheiterten Rate.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
</context>
<context>
    <name>CapacitySearch</name>
    <message>
        <source>start rate: must be above 0 requests per second</source>
        <translation>Startrate: muss über 0 Anfragen pro Sekunde liegen</translation>
    </message>
    <message>
        <source>max rate: must not be below the start rate</source>
        <translation>Höchstrate: darf nicht unter der Startrate liegen</translation>
    </message>
    <message>
        <source>growth: must be above 1 and at most 100</source>
        <translation>Wachstum: muss über 1 und höchstens 100 sein</translation>
    </message>
    <message>
        <source>tolerance: must be above 0 and below 1</source>
        <translation>Toleranz: muss über 0 und unter 1 liegen</translation>
    </message>
    <message>
        <source>SLO not met</source>
        <translation>SLO nicht erfüllt</translation>
    </message>
    <message>
        <source>achieved %1 req/s of %2 scheduled</source>
        <translation>%1 Anfr./s von %2 geplanten erreicht</translation>
    </message>
    <message>
        <source>requests in flight kept growing (+%1 over the step)</source>
        <translation>laufende Anfragen wuchsen ständig (+%1 über die Stufe)</translation>
    </message>
</context>
<context>
    <name>Cli</name>
    <message>
        <source>Open the Stressdeck dashboard.</source>
        <translation>Das Stressdeck-Dashboard öffnen.</translation>
    </message>
    <message>
        <source>Start the run at once.</source>
        <translation>Den Lauf sofort starten.</translation>
    </message>
    <message>
        <source>Save the report to this file when done.</source>
        <translation>Den Bericht am Ende in diese Datei speichern.</translation>
    </message>
    <message>
        <source>Quit after the run with the exit code of &apos;stressdeck run&apos;.</source>
        <translation>Nach dem Lauf mit dem Exit-Code von &apos;stressdeck run&apos; beenden.</translation>
    </message>
    <message>
        <source>Save a PNG of the window shortly before the run ends.</source>
        <translation>Kurz vor Ende des Laufs ein PNG des Fensters speichern.</translation>
    </message>
    <message>
        <source>Print the summary of a saved JSON report, or render it as a PDF (no display needed).</source>
        <translation>Die Zusammenfassung eines gespeicherten JSON-Berichts ausgeben oder ihn als PDF erzeugen (ohne Bildschirm).</translation>
    </message>
    <message>
        <source>A stressdeck-report/1 JSON file.</source>
        <translation>Eine JSON-Datei im Format stressdeck-report/1.</translation>
    </message>
    <message>
        <source>Write a PDF report to this file.</source>
        <translation>Einen PDF-Bericht in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>expected exactly one report file</source>
        <translation>genau eine Berichtsdatei erwartet</translation>
    </message>
    <message>
        <source>PDF written to %1</source>
        <translation>PDF geschrieben nach %1</translation>
    </message>
    <message>
        <source>Try &apos;stressdeck run --help&apos;.</source>
        <translation>Siehe &apos;stressdeck run --help&apos;.</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from %3 to %4</source>
        <translation>%1: „%2“ ist keine Zahl von %3 bis %4</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration (e.g. 30s, 500ms, 5m, 1h)</source>
        <translation>%1: „%2“ ist keine Dauer (z. B. 30s, 500ms, 5m, 1h)</translation>
    </message>
    <message>
        <source>Run a stress test headless and report.</source>
        <translation>Einen Lasttest ohne Fenster ausführen und berichten.</translation>
    </message>
    <message>
        <source>Base URL of the service (default: the built-in demo service).</source>
        <translation>Basis-URL des Dienstes (Vorgabe: der eingebaute Demodienst).</translation>
    </message>
    <message>
        <source>Ad-hoc request type &quot;METHOD /path [json]&quot; (repeatable).</source>
        <translation>Ad-hoc-Anfragetyp „METHODE /pfad [json]“ (mehrfach möglich).</translation>
    </message>
    <message>
        <source>Concurrent users (closed model) or in-flight cap (open model).</source>
        <translation>Gleichzeitige Benutzer (geschlossenes Modell) oder Obergrenze laufender Anfragen (offenes Modell).</translation>
    </message>
    <message>
        <source>Run length: 30s, 5m, 1h or seconds.</source>
        <translation>Laufzeit: 30s, 5m, 1h oder Sekunden.</translation>
    </message>
    <message>
        <source>Timeout per request (default 30s).</source>
        <translation>Timeout je Anfrage (Vorgabe 30s).</translation>
    </message>
    <message>
        <source>Think time range, e.g. 100ms-500ms, or 0.</source>
        <translation>Bereich der Denkzeit, z. B. 100ms-500ms, oder 0.</translation>
    </message>
    <message>
        <source>Open model: requests per second on a fixed schedule.</source>
        <translation>Offenes Modell: Anfragen pro Sekunde nach festem Fahrplan.</translation>
    </message>
    <message>
        <source>Monitor this process&apos;s CPU and memory.</source>
        <translation>CPU und Speicher dieses Prozesses überwachen.</translation>
    </message>
    <message>
        <source>Monitor the process with this name.</source>
        <translation>Den Prozess mit diesem Namen überwachen.</translation>
    </message>
    <message>
        <source>Monitoring interval (default 5s, at least 1s).</source>
        <translation>Messintervall (Vorgabe 5s, mindestens 1s).</translation>
    </message>
    <message>
        <source>Memory growth that counts as a leak (default 100).</source>
        <translation>Speicherzuwachs, der als Leck gilt (Vorgabe 100).</translation>
    </message>
    <message>
        <source>Availability check path (default /health).</source>
        <translation>Pfad der Erreichbarkeitsprüfung (Vorgabe /health).</translation>
    </message>
    <message>
        <source>Skip the availability check.</source>
        <translation>Die Erreichbarkeitsprüfung auslassen.</translation>
    </message>
    <message>
        <source>Write the JSON report to this file.</source>
        <translation>Den JSON-Bericht in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>Longest response body read, in MB (default 8); longer ones count as &quot;Body too large&quot;.</source>
        <translation>Längster gelesener Antwortrumpf in MB (Vorgabe 8); längere zählen als „Body too large“.</translation>
    </message>
    <message>
        <source>How often a recovery copy of the report is written (default 30s).</source>
        <translation>Wie oft eine Wiederherstellungskopie des Berichts geschrieben wird (Vorgabe 30s).</translation>
    </message>
    <message>
        <source>Do not verify TLS certificates (the report says so).</source>
        <translation>TLS-Zertifikate nicht prüfen (der Bericht vermerkt es).</translation>
    </message>
    <message>
        <source>Random seed for a reproducible request mix.</source>
        <translation>Startwert des Zufalls für eine wiederholbare Anfragemischung.</translation>
    </message>
    <message>
        <source>unexpected argument &quot;%1&quot;</source>
        <translation>unerwartetes Argument „%1“</translation>
    </message>
    <message>
        <source>--target: &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>--target: „%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>--scenario and --request cannot be combined</source>
        <translation>--scenario und --request schließen sich aus</translation>
    </message>
    <message>
        <source>--request &quot;%1&quot; is given twice</source>
        <translation>--request „%1“ ist doppelt angegeben</translation>
    </message>
    <message>
        <source>--concurrency: must be a whole number</source>
        <translation>--concurrency: muss eine ganze Zahl sein</translation>
    </message>
    <message>
        <source>--think-time: &quot;%1&quot; is not a range like 100ms-500ms or 0</source>
        <translation>--think-time: „%1“ ist kein Bereich wie 100ms-500ms oder 0</translation>
    </message>
    <message>
        <source>--monitor-pid and --monitor-name cannot be combined</source>
        <translation>--monitor-pid und --monitor-name schließen sich aus</translation>
    </message>
    <message>
        <source>--monitor-pid: no process %1</source>
        <translation>--monitor-pid: kein Prozess %1</translation>
    </message>
    <message>
        <source>--monitor-name: no running process named &quot;%1&quot;</source>
        <translation>--monitor-name: kein laufender Prozess namens „%1“</translation>
    </message>
    <message>
        <source>--sample-interval: must be at least 1s</source>
        <translation>--sample-interval: muss mindestens 1s sein</translation>
    </message>
    <message>
        <source>--health-path and --no-health-check cannot be combined</source>
        <translation>--health-path und --no-health-check schließen sich aus</translation>
    </message>
    <message>
        <source>--seed: must be a whole number from 1 to 2^53-1</source>
        <translation>--seed: muss eine ganze Zahl von 1 bis 2^53-1 sein</translation>
    </message>
    <message>
        <source>No --target given: using the built-in demo service at %1</source>
        <translation>Kein --target angegeben: der eingebaute Demodienst unter %1 wird verwendet</translation>
    </message>
    <message>
        <source>
Interrupted: stopping, waiting for requests in flight (interrupt again to abort them)</source>
        <translation>
Unterbrochen: Lauf wird beendet, laufende Anfragen werden abgewartet (erneut unterbrechen, um sie abzubrechen)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht geschrieben nach %1</translation>
    </message>
    <message>
        <source>Running &quot;%1&quot; against %2: %3 for %4</source>
        <translation>„%1“ läuft gegen %2: %3 für %4</translation>
    </message>
    <message>
        <source>%1 req/s (at most %2 in flight)</source>
        <translation>%1 Anf./s (höchstens %2 gleichzeitig unterwegs)</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 Benutzer</translation>
    </message>
    <message>
        <source>A recovery copy of the report is kept every %1 in %2</source>
        <translation>Alle %1 wird eine Wiederherstellungskopie des Berichts in %2 abgelegt</translation>
    </message>
    <message>
        <source>Serve the built-in Archive-AI stand-in on 127.0.0.1 until interrupted. Its knobs can also be read and changed while it runs: GET or PUT /_demo/config.</source>
        <translation>Den eingebauten Archive-AI-Ersatz auf 127.0.0.1 bereitstellen, bis er unterbrochen wird. Seine Regler lassen sich auch im Betrieb lesen und ändern: GET oder PUT /_demo/config.</translation>
    </message>
    <message>
        <source>Port on 127.0.0.1 (default 8080; 0 picks a free one).</source>
        <translation>Port auf 127.0.0.1 (Vorgabe 8080; 0 wählt einen freien).</translation>
    </message>
    <message>
        <source>--port: &quot;%1&quot; is not a port number (0-65535)</source>
        <translation>--port: „%1“ ist keine Portnummer (0-65535)</translation>
    </message>
    <message>
        <source>qnam (default: Qt&apos;s HTTP client with TLS, HTTP/2, redirects) or fast (lean HTTP/1.1 keep-alive client for high rates).</source>
        <translation>qnam (Vorgabe: Qts HTTP-Client mit TLS, HTTP/2, Weiterleitungen) oder fast (schlanker HTTP/1.1-Keep-alive-Client für hohe Raten).</translation>
    </message>
    <message>
        <source>--transport: &quot;%1&quot; is not qnam or fast</source>
        <translation>--transport: „%1“ ist weder qnam noch fast</translation>
    </message>
    <message>
        <source>Engine threads the users are spread over (default: one per core, minus one).</source>
        <translation>Engine-Threads, auf die die Nutzer verteilt werden (Standard: einer je Kern, minus einer).</translation>
    </message>
    <message>
        <source>--threads: &quot;%1&quot; is not a number from 1 to 256</source>
        <translation>--threads: „%1“ ist keine Zahl von 1 bis 256</translation>
    </message>
    <message>
        <source>--save-json and --json cannot be combined</source>
        <translation>--save-json und --json schließen sich aus</translation>
    </message>
    <message>
        <source>Try &apos;stressdeck gui --help&apos;.</source>
        <translation>Siehe &apos;stressdeck gui --help&apos;.</translation>
    </message>
    <message>
        <source>Try &apos;stressdeck compare --help&apos;.</source>
        <translation>Siehe &apos;stressdeck compare --help&apos;.</translation>
    </message>
    <message>
        <source>Compare a candidate run with a baseline: per request type and metric the change, its confidence interval and a verdict (regression, improvement, no change or inconclusive). Exit codes: 0 no regression, 1 at least one regression, 2 bad input.</source>
        <translation>Vergleicht einen Kandidatenlauf mit einer Basislinie: je Anfragetyp und Kennzahl die Änderung, ihr Konfidenzintervall und ein Urteil (Verschlechterung, Verbesserung, keine Änderung oder unentschieden). Exit-Codes: 0 keine Verschlechterung, 1 mindestens eine Verschlechterung, 2 falsche Eingabe.</translation>
    </message>
    <message>
        <source>The baseline report (stressdeck-report/1 JSON).</source>
        <translation>Der Bericht der Basislinie (stressdeck-report/1 JSON).</translation>
    </message>
    <message>
        <source>The candidate report.</source>
        <translation>Der Bericht des Kandidaten.</translation>
    </message>
    <message>
        <source>Smallest change that matters, in percent (default 5%).</source>
        <translation>Kleinste Änderung, die zählt, in Prozent (Standard 5%).</translation>
    </message>
    <message>
        <source>Confidence of the intervals in percent, 50 to 99.9 (default 90).</source>
        <translation>Konfidenz der Intervalle in Prozent, 50 bis 99,9 (Standard 90).</translation>
    </message>
    <message>
        <source>Metrics to compare, comma-separated: p50,p90,p95,p99,error_rate,throughput (default all).</source>
        <translation>Zu vergleichende Kennzahlen, durch Kommas getrennt: p50,p90,p95,p99,error_rate,throughput (Standard alle).</translation>
    </message>
    <message>
        <source>A further baseline report (repeatable): the runs become the units.</source>
        <translation>Ein weiterer Bericht der Basislinie (wiederholbar): die Läufe werden zu den Einheiten.</translation>
    </message>
    <message>
        <source>A further candidate report (repeatable).</source>
        <translation>Ein weiterer Bericht des Kandidaten (wiederholbar).</translation>
    </message>
    <message>
        <source>Write the comparison as JSON (stressdeck-compare/1) to this file.</source>
        <translation>Den Vergleich als JSON (stressdeck-compare/1) in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>Write the comparison as a PDF to this file.</source>
        <translation>Den Vergleich als PDF in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>expected a baseline and a candidate report</source>
        <translation>erwartet einen Bericht der Basislinie und einen des Kandidaten</translation>
    </message>
    <message>
        <source>--margin: &quot;%1&quot; is not a percentage from 0 to 99</source>
        <translation>--margin: „%1“ ist kein Prozentwert von 0 bis 99</translation>
    </message>
    <message>
        <source>--confidence: &quot;%1&quot; is not a percentage from 50 to 99.9</source>
        <translation>--confidence: „%1“ ist kein Prozentwert von 50 bis 99,9</translation>
    </message>
    <message>
        <source>--metrics: &quot;%1&quot; is not one of p50, p90, p95, p99, error_rate, throughput</source>
        <translation>--metrics: „%1“ ist keine von p50, p90, p95, p99, error_rate, throughput</translation>
    </message>
    <message>
        <source>--metrics: no metric given</source>
        <translation>--metrics: keine Kennzahl angegeben</translation>
    </message>
    <message>
        <source>Comparison written to %1</source>
        <translation>Vergleich nach %1 geschrieben</translation>
    </message>
    <message>
        <source>rate stages %1 (at most %2 in flight)</source>
        <translation>Ratenstufen %1 (höchstens %2 gleichzeitig unterwegs)</translation>
    </message>
    <message>
        <source>user stages %1</source>
        <translation>Nutzerstufen %1</translation>
    </message>
    <message>
        <source>%1 and %2 cannot be combined</source>
        <translation>%1 und %2 können nicht kombiniert werden</translation>
    </message>
    <message>
        <source>--duration: %1 differs from the %2 of the stages of %3 (a staged run lasts as long as its stages)</source>
        <translation>--duration: %1 weicht von den %2 der Stufen aus %3 ab (ein Lauf in Stufen dauert so lange wie seine Stufen)</translation>
    </message>
    <message>
        <source>Closed model: users in stages DURATION:USERS, each a linear ramp from the one before (from 0), e.g. &quot;30s:10,2m:10,30s:0&quot;; a 0s stage is a step. The run lasts as long as its stages (a --duration must match). Not with --concurrency, --rate or --rate-stages.</source>
        <translation>Geschlossenes Modell: Nutzer in Stufen DAUER:NUTZER, jede eine lineare Rampe von der vorigen (ab 0), z. B. „30s:10,2m:10,30s:0“; eine 0s-Stufe ist ein Sprung. Der Lauf dauert so lange wie seine Stufen (ein --duration muss passen). Nicht mit --concurrency, --rate oder --rate-stages.</translation>
    </message>
    <message>
        <source>Open model: requests per second in stages DURATION:RATE, e.g. &quot;1m:100,2m:100,1m:400&quot;; the schedule follows the rate exactly and the run lasts as long as its stages. --concurrency stays the in-flight cap. Not with --rate or --stages.</source>
        <translation>Offenes Modell: Anfragen pro Sekunde in Stufen DAUER:RATE, z. B. „1m:100,2m:100,1m:400“; der Zeitplan folgt der Rate genau, und der Lauf dauert so lange wie seine Stufen. --concurrency bleibt die Obergrenze gleichzeitiger Anfragen. Nicht mit --rate oder --stages.</translation>
    </message>
    <message>
        <source>Try &apos;stressdeck history --help&apos;.</source>
        <translation>Siehe &apos;stressdeck history --help&apos;.</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <source>Started (UTC)</source>
        <translation>Beginn (UTC)</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Req/s</source>
        <translation>Anf./s</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Bericht</translation>
    </message>
    <message>
        <source>List the recorded runs of the run history, newest first.</source>
        <translation>Die aufgezeichneten Läufe des Laufverlaufs auflisten, neueste zuerst.</translation>
    </message>
    <message>
        <source>Only the runs against this base URL.</source>
        <translation>Nur die Läufe gegen diese Basis-URL.</translation>
    </message>
    <message>
        <source>Only the runs of this scenario (its name).</source>
        <translation>Nur die Läufe dieses Szenarios (sein Name).</translation>
    </message>
    <message>
        <source>Only the newest N runs.</source>
        <translation>Nur die neuesten N Läufe.</translation>
    </message>
    <message>
        <source>Print the list as JSON: {&quot;runs&quot;: [...]}.</source>
        <translation>Die Liste als JSON ausgeben: {&quot;runs&quot;: [...]}.</translation>
    </message>
    <message>
        <source>--last: &quot;%1&quot; is not a whole number of at least 1</source>
        <translation>--last: „%1“ ist keine ganze Zahl ab 1</translation>
    </message>
    <message>
        <source>stressdeck history: the database was unreadable and was rebuilt from %1 reports (the old one is %2)</source>
        <translation>stressdeck history: die Datenbank war unlesbar und wurde aus %1 Berichten neu aufgebaut (die alte ist %2)</translation>
    </message>
    <message>
        <source>No runs recorded in %1</source>
        <translation>Keine Läufe aufgezeichnet in %1</translation>
    </message>
    <message>
        <source>stressdeck run: warning: the run was not recorded in the history: %1</source>
        <translation>stressdeck run: Warnung: der Lauf wurde nicht im Verlauf aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>Do not record this run in the run history (&apos;stressdeck history&apos;).</source>
        <translation>Diesen Lauf nicht im Laufverlauf aufzeichnen (&apos;stressdeck history&apos;).</translation>
    </message>
    <message>
        <source>Try &apos;stressdeck capacity --help&apos;.</source>
        <translation>Siehe &apos;stressdeck capacity --help&apos;.</translation>
    </message>
    <message>
        <source>%1 %2 %3 %4 %5 %6  %7
</source>
        <translation>%1 %2 %3 %4 %5 %6  %7
</translation>
    </message>
    <message>
        <source>rate/s</source>
        <translation>Rate/s</translation>
    </message>
    <message>
        <source>achieved/s</source>
        <translation>erreicht/s</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed (%1)</source>
        <translation>gescheitert (%1)</translation>
    </message>
    <message>
        <source>Write the search as JSON (stressdeck-capacity/1) to this file.</source>
        <translation>Die Suche als JSON (stressdeck-capacity/1) in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>Write the search as a PDF to this file: the steps, the load curve and latency against throughput.</source>
        <translation>Die Suche als PDF in diese Datei schreiben: die Stufen, die Lastkurve und die Latenz über dem Durchsatz.</translation>
    </message>
    <message>
        <source>Rate of the first step in requests per second (default 10).</source>
        <translation>Rate der ersten Stufe in Anfragen pro Sekunde (Vorgabe 10).</translation>
    </message>
    <message>
        <source>Highest rate tried (default 10000).</source>
        <translation>Höchste versuchte Rate (Vorgabe 10000).</translation>
    </message>
    <message>
        <source>Length of every step, at least 2s (default 30s).</source>
        <translation>Dauer jeder Stufe, mindestens 2s (Vorgabe 30s).</translation>
    </message>
    <message>
        <source>--%1 does not apply: the capacity search sets the load itself</source>
        <translation>--%1 passt hier nicht: die Kapazitätssuche legt die Last selbst fest</translation>
    </message>
    <message>
        <source>--slo: required, e.g. --slo &quot;p95&lt;500ms,errors&lt;1%&quot;</source>
        <translation>--slo: erforderlich, z. B. --slo &quot;p95&lt;500ms,errors&lt;1%&quot;</translation>
    </message>
    <message>
        <source>--start-rate: &quot;%1&quot; is not a rate above 0</source>
        <translation>--start-rate: „%1“ ist keine Rate über 0</translation>
    </message>
    <message>
        <source>--max-rate: &quot;%1&quot; is not a rate at or above the start rate</source>
        <translation>--max-rate: „%1“ ist keine Rate ab der Startrate</translation>
    </message>
    <message>
        <source>--growth: &quot;%1&quot; is not a factor above 1 and at most 100</source>
        <translation>--growth: „%1“ ist kein Faktor über 1 und höchstens 100</translation>
    </message>
    <message>
        <source>--step-duration: &quot;%1&quot; is not a duration of at least 2s</source>
        <translation>--step-duration: „%1“ ist keine Dauer von mindestens 2s</translation>
    </message>
    <message>
        <source>Capacity search written to %1</source>
        <translation>Kapazitätssuche geschrieben nach %1</translation>
    </message>
    <message>
        <source>step %1 of about %2: %3 req/s …</source>
        <translation>Stufe %1 von etwa %2: %3 Anf./s …</translation>
    </message>
    <message>
        <source>
Interrupted: ending the search with the steps so far (interrupt again to abort the requests in flight)</source>
        <translation>
Unterbrochen: die Suche endet mit den bisherigen Stufen (erneut unterbrechen, um laufende Anfragen abzubrechen)</translation>
    </message>
    <message>
        <source>Capacity search of &quot;%1&quot; against %2 with %3: from %4 req/s (×%5, at most %6), steps of %7, in flight at most %8</source>
        <translation>Kapazitätssuche für „%1“ gegen %2 mit %3: ab %4 Anf./s (×%5, höchstens %6), Stufen von %7, höchstens %8 gleichzeitig unterwegs</translation>
    </message>
    <message>
        <source>the step&apos;s rate × the %1 timeout</source>
        <translation>Rate der Stufe × Timeout von %1</translation>
    </message>
    <message>
        <source>achieved %1 req/s, p50 %2, p95 %3, errors %4 %</source>
        <translation>erreicht %1 Anf./s, p50 %2, p95 %3, Fehler %4 %</translation>
    </message>
    <message>
        <source>passed — %1</source>
        <translation>bestanden — %1</translation>
    </message>
    <message>
        <source>failed (%1) — %2</source>
        <translation>gescheitert (%1) — %2</translation>
    </message>
    <message>
        <source>Compare the run with this saved report, live (File › Compare with baseline…).</source>
        <translation>Den Lauf live mit diesem gespeicherten Bericht vergleichen (Datei › Mit Basislinie vergleichen…).</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>In-flight cap of every step of the rate search (default: the step&apos;s rate times the timeout, at most 100000).</source>
        <translation>Obergrenze laufender Anfragen jeder Stufe der Ratensuche (Standard: Rate der Stufe mal Timeout, höchstens 100000).</translation>
    </message>
    <message>
        <source>Pause of every user between requests, with --users only (default 0).</source>
        <translation>Pause jedes Nutzers zwischen Anfragen, nur mit --users (Standard 0).</translation>
    </message>
    <message>
        <source>Factor from one step&apos;s load to the next&apos;s, above 1 (default 1.5; users grow by at least 1).</source>
        <translation>Faktor von der Last einer Stufe zur nächsten, über 1 (Standard 1.5; Nutzer wachsen um mindestens 1).</translation>
    </message>
    <message>
        <source>Search the closed model: the number of users at which throughput stops growing (Little&apos;s law).</source>
        <translation>Sucht im geschlossenen Modell: die Nutzerzahl, ab der der Durchsatz nicht mehr wächst (Littles Gesetz).</translation>
    </message>
    <message>
        <source>Users of the first step, with --users (default 1).</source>
        <translation>Nutzer der ersten Stufe, mit --users (Standard 1).</translation>
    </message>
    <message>
        <source>Most users tried, with --users (default 1024).</source>
        <translation>Höchste versuchte Nutzerzahl, mit --users (Standard 1024).</translation>
    </message>
    <message>
        <source>--%1 does not apply to the user search (--users)</source>
        <translation>--%1 gilt nicht für die Nutzersuche (--users)</translation>
    </message>
    <message>
        <source>--%1 applies only with --users</source>
        <translation>--%1 gilt nur mit --users</translation>
    </message>
    <message>
        <source>--think-time applies only with --users</source>
        <translation>--think-time gilt nur mit --users</translation>
    </message>
    <message>
        <source>--concurrency does not apply: the user search sets the users itself</source>
        <translation>--concurrency gilt nicht: Die Nutzersuche setzt die Nutzer selbst</translation>
    </message>
    <message>
        <source>--start-users: &quot;%1&quot; is not a whole number above 0</source>
        <translation>--start-users: &quot;%1&quot; ist keine ganze Zahl über 0</translation>
    </message>
    <message>
        <source>--max-users: &quot;%1&quot; is not a whole number from the start users up to 100000</source>
        <translation>--max-users: &quot;%1&quot; ist keine ganze Zahl von den Startnutzern bis 100000</translation>
    </message>
    <message numerus="yes">
        <source>step %1 of about %2: %n user(s) …</source>
        <translation>
            <numerusform>Stufe %1 von etwa %2: %n Nutzer …</numerusform>
            <numerusform>Stufe %1 von etwa %2: %n Nutzer …</numerusform>
        </translation>
    </message>
    <message>
        <source>User search of &quot;%1&quot; against %2%3: from %4 users (×%5, at most %6), steps of %7</source>
        <translation>Nutzersuche von &quot;%1&quot; gegen %2%3: ab %4 Nutzern (×%5, höchstens %6), Stufen von %7</translation>
    </message>
    <message>
        <source> with %1</source>
        <translation> mit %1</translation>
    </message>
    <message>
        <source>Load profile: quick, normal or extended (in the window also capacity).</source>
        <translation>Lastprofil: quick, normal oder extended (im Fenster auch capacity).</translation>
    </message>
    <message>
        <source>--profile: &quot;%1&quot; is not one of quick, normal, extended%2</source>
        <translation>--profile: &quot;%1&quot; ist keines von quick, normal, extended%2</translation>
    </message>
    <message>
        <source> (a capacity search is stressdeck capacity)</source>
        <translation> (eine Kapazitätssuche ist stressdeck capacity)</translation>
    </message>
    <message>
        <source>The objective, e.g. &quot;p95&lt;500ms,errors&lt;1%&quot;: p50|p90|p95|p99&lt;DURATION, errors&lt;PCT, for streamed requests ttft_p95|tpot_p95&lt;DURATION, each optionally for one request type (&quot;chat.p95&lt;800ms&quot;). Required for the rate search; with --users a step that breaks it ends the search.</source>
        <translation>Das Ziel, z. B. &quot;p95&lt;500ms,errors&lt;1%&quot;: p50|p90|p95|p99&lt;DAUER, errors&lt;PROZENT, für gestreamte Anfragen ttft_p95|tpot_p95&lt;DAUER, jeweils wahlweise für einen Anfragetyp (&quot;chat.p95&lt;800ms&quot;). Für die Ratensuche erforderlich; mit --users beendet eine Stufe, die es verletzt, die Suche.</translation>
    </message>
    <message>
        <source>Usage: stressdeck k8s-job --shards N [run&apos;s options] [--image IMAGE] [--name NAME]
                          [--lead 2m | --start-at TIME] [--cpu 2] [--memory 2Gi]
Prints a headless Service and an Indexed Job running N shards of one run, started together
(--shard auto, --start-at, --report-stdout); see docs/DISTRIBUTED.md.
</source>
        <translation>Usage: stressdeck k8s-job --shards N [run&apos;s options] [--image IMAGE] [--name NAME]
                          [--lead 2m | --start-at TIME] [--cpu 2] [--memory 2Gi]
Gibt einen Headless Service und einen Indexed Job aus, der N Shards eines Laufs gleichzeitig startet
(--shard auto, --start-at, --report-stdout); siehe docs/DISTRIBUTED.md.
</translation>
    </message>
    <message>
        <source>Try &apos;stressdeck k8s-job --help&apos;.</source>
        <translation>Siehe &apos;stressdeck k8s-job --help&apos;.</translation>
    </message>
    <message>
        <source>%1 is set by the Job itself</source>
        <translation>%1 setzt der Job selbst</translation>
    </message>
    <message>
        <source>%1 needs a value</source>
        <translation>%1 braucht einen Wert</translation>
    </message>
    <message>
        <source>--shards: &quot;%1&quot; is not a number from 1 to 10000</source>
        <translation>--shards: „%1“ ist keine Zahl von 1 bis 10000</translation>
    </message>
    <message>
        <source>--name: &quot;%1&quot; is not a DNS label (lower-case letters, digits and &apos;-&apos;, at most 52)</source>
        <translation>--name: „%1“ ist kein DNS-Label (Kleinbuchstaben, Ziffern und &apos;-&apos;, höchstens 52)</translation>
    </message>
    <message>
        <source>--lead: &quot;%1&quot; is not a duration (e.g. 2m)</source>
        <translation>--lead: „%1“ ist keine Dauer (z. B. 2m)</translation>
    </message>
    <message>
        <source>--shards N is required</source>
        <translation>--shards N ist erforderlich</translation>
    </message>
    <message>
        <source>Usage: stressdeck [COMMAND] [OPTIONS]

Commands:
  (none), gui   open the dashboard
  run           run a stress test headless and print/save the report
  report        print a saved report, or render it as a PDF (--pdf FILE)
  compare       compare a run with a baseline: regression, improvement or no change
  merge         merge the shard reports of a distributed run (--shard) into one
  k8s-job       print a Kubernetes Indexed Job running N shards of a run together
  capacity      find the highest request rate that meets an SLO (--slo &quot;p95&lt;500ms&quot;)
  history       list the recorded runs, newest first (--target URL, --last N, --json)
  serve-demo    serve the built-in Archive-AI demo service

Exit codes of run: 0 passed, 1 a criterion failed, 2 bad usage or input,
3 target unavailable, 75 a shard started too late, 130 interrupted.
&apos;stressdeck COMMAND --help&apos; lists a command&apos;s options.
</source>
        <translation>Usage: stressdeck [COMMAND] [OPTIONS]

Befehle:
  (ohne), gui   das Dashboard öffnen
  run           einen Lasttest ohne Fenster ausführen und den Bericht ausgeben/speichern
  report        einen gespeicherten Bericht ausgeben oder als PDF erzeugen (--pdf FILE)
  compare       einen Lauf mit einer Basislinie vergleichen: Verschlechterung, Verbesserung oder keine Änderung
  merge         die Shard-Berichte eines verteilten Laufs (--shard) zu einem zusammenführen
  k8s-job       einen Kubernetes Indexed Job ausgeben, der N Shards eines Laufs gemeinsam ausführt
  capacity      die höchste Anfragerate finden, die ein SLO einhält (--slo &quot;p95&lt;500ms&quot;)
  history       die aufgezeichneten Läufe auflisten, neueste zuerst (--target URL, --last N, --json)
  serve-demo    den eingebauten Archive-AI-Demodienst bereitstellen

Exit-Codes von run: 0 bestanden, 1 ein Kriterium verfehlt, 2 falscher Aufruf oder falsche Eingabe,
3 Ziel nicht erreichbar, 75 ein Shard startete zu spät, 130 abgebrochen.
&apos;stressdeck COMMAND --help&apos; listet die Optionen eines Befehls auf.
</translation>
    </message>
    <message>
        <source>Merge the shard reports of one distributed run into one report, judged on the merged data.</source>
        <translation>Die Shard-Berichte eines verteilten Laufs zu einem Bericht zusammenführen, beurteilt anhand der zusammengeführten Daten.</translation>
    </message>
    <message>
        <source>The shards&apos; JSON reports (stressdeck run --shard … --json FILE).</source>
        <translation>Die JSON-Berichte der Shards (stressdeck run --shard … --json FILE).</translation>
    </message>
    <message>
        <source>Write the merged JSON report to this file.</source>
        <translation>Den zusammengeführten JSON-Bericht in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>Write the merged PDF report to this file.</source>
        <translation>Den zusammengeführten PDF-Bericht in diese Datei schreiben.</translation>
    </message>
    <message>
        <source>Merge what is there when shards are missing (the report says so).</source>
        <translation>Bei fehlenden Shards das Vorhandene zusammenführen (der Bericht vermerkt es).</translation>
    </message>
    <message>
        <source>Also read the shards&apos; reports framed in this log (stressdeck run --report-stdout; repeatable).</source>
        <translation>Auch die in dieses Log eingebetteten Berichte der Shards lesen (stressdeck run --report-stdout; mehrfach möglich).</translation>
    </message>
    <message>
        <source>expected one or more shard reports</source>
        <translation>einen oder mehrere Shard-Berichte erwartet</translation>
    </message>
    <message>
        <source>no STRESSDECK-REPORT line (run the shards with --report-stdout)</source>
        <translation>keine STRESSDECK-REPORT-Zeile (die Shards mit --report-stdout ausführen)</translation>
    </message>
    <message>
        <source>warning: %1</source>
        <translation>Warnung: %1</translation>
    </message>
    <message>
        <source>No --model given: using %1, the first model of %2</source>
        <translation>Kein --model angegeben: %1 wird verwendet, das erste Modell von %2</translation>
    </message>
    <message>
        <source>Shard %1/%2 (from %3)</source>
        <translation>Shard %1/%2 (aus %3)</translation>
    </message>
    <message>
        <source>woke %1 ms after --start-at, more than --late-tolerance: not starting (--late-start join would join the schedule where it stands)</source>
        <translation>%1 ms nach --start-at aufgewacht, mehr als --late-tolerance: kein Start (--late-start join würde dort in den Fahrplan einsteigen, wo er gerade steht)</translation>
    </message>
    <message>
        <source>Scenario JSON file, or a built-in: archive-ai, archive-ai-original, archive-ai-multimodal, openai-chat.</source>
        <translation>Szenario-JSON-Datei oder ein eingebautes Szenario: archive-ai, archive-ai-original, archive-ai-multimodal, openai-chat.</translation>
    </message>
    <message>
        <source>Model for streaming request bodies that name none, such as the built-in openai-chat&apos;s (default: the first id from GET &lt;target&gt;/v1/models).</source>
        <translation>Modell für streamende Anfragerümpfe, die keines nennen, etwa die des eingebauten openai-chat (Vorgabe: die erste id aus GET &lt;target&gt;/v1/models).</translation>
    </message>
    <message>
        <source>on (default) or off: whether streaming requests ask for usage with &quot;stream_options&quot;: {&quot;include_usage&quot;: true}.</source>
        <translation>on (Vorgabe) oder off: ob streamende Anfragen mit &quot;stream_options&quot;: {&quot;include_usage&quot;: true} die Nutzungsangaben (usage) anfordern.</translation>
    </message>
    <message>
        <source>Objectives each streamed request is judged on for goodput, e.g. &quot;ttft_p95&lt;300ms,tpot_p95&lt;30ms&quot;: its TTFT, TPOT (and with p50|p90|p95|p99&lt;DURATION its latency) under the limits, optionally after &quot;TYPE.&quot;; the report gives goodput_rps and good_pct.</source>
        <translation>Ziele, an denen jede gestreamte Anfrage für den Goodput gemessen wird, z. B. &quot;ttft_p95&lt;300ms,tpot_p95&lt;30ms&quot;: ihre TTFT, TPOT (und mit p50|p90|p95|p99&lt;DAUER ihre Latenz) unter den Grenzen, wahlweise nach „TYP.“; der Bericht nennt goodput_rps und good_pct.</translation>
    </message>
    <message>
        <source>--model: must not be empty</source>
        <translation>--model: darf nicht leer sein</translation>
    </message>
    <message>
        <source>--stream-usage: &quot;%1&quot; is not on or off</source>
        <translation>--stream-usage: „%1“ ist weder on noch off</translation>
    </message>
    <message>
        <source>Run shard I of N of the global plan (I/N), or auto: JOB_COMPLETION_INDEX with STRESSDECK_SHARD_COUNT, SLURM_PROCID with SLURM_NTASKS, else 0/1.</source>
        <translation>Shard I von N des globalen Plans ausführen (I/N), oder auto: JOB_COMPLETION_INDEX mit STRESSDECK_SHARD_COUNT, SLURM_PROCID mit SLURM_NTASKS, sonst 0/1.</translation>
    </message>
    <message>
        <source>Prepare, then start at this wall-clock time (RFC 3339 with a zone, or Unix seconds).</source>
        <translation>Vorbereiten, dann zu dieser Uhrzeit starten (RFC 3339 mit Zeitzone oder Unix-Sekunden).</translation>
    </message>
    <message>
        <source>How late after --start-at a start still counts as on time (default 1s).</source>
        <translation>Wie spät nach --start-at ein Start noch als pünktlich gilt (Vorgabe 1s).</translation>
    </message>
    <message>
        <source>Later than that: fail (exit 75, the default) or join (skip what was missed, marked in the report).</source>
        <translation>Später als das: fail (Exit-Code 75, die Vorgabe) oder join (Verpasstes überspringen, im Bericht vermerkt).</translation>
    </message>
    <message>
        <source>Also print the report as the last line of stdout (STRESSDECK-REPORT, base64 of gzipped JSON), which stressdeck merge reads from a log.</source>
        <translation>Den Bericht zusätzlich als letzte Zeile auf stdout ausgeben (STRESSDECK-REPORT, base64 von gzip-komprimiertem JSON), die stressdeck merge aus einem Log liest.</translation>
    </message>
    <message>
        <source>--late-tolerance: &quot;%1&quot; is not a duration (e.g. 1s, 500ms)</source>
        <translation>--late-tolerance: „%1“ ist keine Dauer (z. B. 1s, 500ms)</translation>
    </message>
    <message>
        <source>--late-start: &quot;%1&quot; is neither fail nor join</source>
        <translation>--late-start: „%1“ ist weder fail noch join</translation>
    </message>
    <message>
        <source>Follow a distributed run live: the shards&apos; checkpoints in this folder (run --checkpoint-dir), merged (File › Follow shards…).</source>
        <translation>Einem verteilten Lauf live folgen: die Checkpoints der Shards in diesem Ordner (run --checkpoint-dir), zusammengeführt (Datei › Shards folgen…).</translation>
    </message>
    <message>
        <source>--follow and --autostart cannot be combined</source>
        <translation>--follow und --autostart lassen sich nicht kombinieren</translation>
    </message>
    <message>
        <source>Also write every checkpoint (--checkpoint-interval) and the final report to DIR/shard-I-of-N.json, for stressdeck gui --follow DIR.</source>
        <translation>Jeden Checkpoint (--checkpoint-interval) und den fertigen Bericht auch nach DIR/shard-I-of-N.json schreiben, für stressdeck gui --follow DIR.</translation>
    </message>
    <message>
        <source>--checkpoint-dir: cannot write to &quot;%1&quot;</source>
        <translation>--checkpoint-dir: kann nicht nach „%1“ schreiben</translation>
    </message>
    <message>
        <source>Find the highest request rate the target sustains within a service-level objective: open-model steps growing geometrically from the start rate, then a bisection between the last passing and the first failing rate down to 5 %. A step is judged after its first fifth; it fails on the SLO, on an achieved rate more than 5 % short of the scheduled one, or on requests in flight that keep growing. With --users, the closed model instead: users grow step by step until throughput stops growing with them (or the SLO breaks). With --shard I/N and --exchange-dir, N processes search together, each step judged on the merge of all shards&apos; step reports. Exit codes: 0 a capacity was found, 1 even the start fails, 2 bad usage, 3 target unavailable, 75 a shard started a step too late, 130 interrupted.</source>
        <translation>Findet die höchste Anfragerate, die das Ziel innerhalb eines Service-Level-Ziels trägt: Schritte im offenen Modell, die von der Startrate an geometrisch wachsen, dann eine Bisektion zwischen der letzten bestandenen und der ersten gescheiterten Rate bis auf 5 %. Ein Schritt wird nach seinem ersten Fünftel beurteilt; er scheitert am SLO, an einer erreichten Rate, die mehr als 5 % unter der geplanten liegt, oder an ständig wachsenden laufenden Anfragen. Mit --users stattdessen das geschlossene Modell: die Nutzer wachsen Schritt für Schritt, bis der Durchsatz nicht mehr mitwächst (oder das SLO bricht). Mit --shard I/N und --exchange-dir suchen N Prozesse gemeinsam; jeder Schritt wird an der Zusammenführung der Schrittberichte aller Shards beurteilt. Exit-Codes: 0 Kapazität gefunden, 1 schon der Start scheitert, 2 falsche Verwendung, 3 Ziel nicht erreichbar, 75 ein Shard begann einen Schritt zu spät, 130 unterbrochen.</translation>
    </message>
    <message>
        <source>With --shard: a directory every shard can read and write (an empty one per search). After each step each shard saves its step report there, merges all shards&apos; and judges the merged step, so all shards take the same next load; the next step starts 3 s after the last shard&apos;s step ended.</source>
        <translation>Mit --shard: ein Verzeichnis, das jeder Shard lesen und schreiben kann (ein leeres pro Suche). Nach jedem Schritt legt jeder Shard dort seinen Schrittbericht ab, führt die aller Shards zusammen und beurteilt den zusammengeführten Schritt, sodass alle Shards dieselbe nächste Last wählen; der nächste Schritt beginnt 3 s nach dem Ende des Schritts des letzten Shards.</translation>
    </message>
    <message>
        <source>--shard/--start-at: a sharded search needs --exchange-dir, where the shards share their steps</source>
        <translation>--shard/--start-at: eine verteilte Suche braucht --exchange-dir, wo die Shards ihre Schritte teilen</translation>
    </message>
    <message>
        <source>--exchange-dir applies only with --shard</source>
        <translation>--exchange-dir gilt nur mit --shard</translation>
    </message>
    <message>
        <source>Shard %1/%2 (from %3), steps shared in %4</source>
        <translation>Shard %1/%2 (aus %3), Schritte geteilt in %4</translation>
    </message>
    <message>
        <source>woke %1 ms after the step&apos;s start time, more than --late-tolerance: ending the search</source>
        <translation>%1 ms nach der Startzeit des Schritts aufgewacht, mehr als --late-tolerance: die Suche endet</translation>
    </message>
</context>
<context>
    <name>ComparePdf</name>
    <message>
        <source>Stressdeck comparison</source>
        <translation>Stressdeck-Vergleich</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Warnungen</translation>
    </message>
    <message>
        <source>How to read this</source>
        <translation>So ist das zu lesen</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Change of the candidate against the baseline with its %1 % interval (logarithmic); the grey band is the margin of ±%2 %</source>
        <translation>Änderung des Kandidaten gegenüber der Basislinie mit ihrem %1-%-Intervall (logarithmisch); das graue Band ist die Toleranz von ±%2 %</translation>
    </message>
    <message>
        <source>Stressdeck comparison — candidate of %1 — page %2 of %3</source>
        <translation>Stressdeck-Vergleich — Kandidat vom %1 — Seite %2 von %3</translation>
    </message>
</context>
<context>
    <name>CompareText</name>
    <message>
        <source>regression</source>
        <translation>Verschlechterung</translation>
    </message>
    <message>
        <source>improvement</source>
        <translation>Verbesserung</translation>
    </message>
    <message>
        <source>no change</source>
        <translation>keine Änderung</translation>
    </message>
    <message>
        <source>inconclusive (too little data)</source>
        <translation>unentschieden (zu wenige Daten)</translation>
    </message>
    <message>
        <source>inconclusive</source>
        <translation>unentschieden</translation>
    </message>
    <message>
        <source>inconclusive (not significant after Holm&apos;s correction)</source>
        <translation>unentschieden (nach Holm-Korrektur nicht signifikant)</translation>
    </message>
    <message>
        <source>inconclusive (resolution ±%1 pp)</source>
        <translation>unentschieden (Auflösung ±%1 Pp.)</translation>
    </message>
    <message>
        <source>inconclusive (resolution ±%1 %)</source>
        <translation>unentschieden (Auflösung ±%1 %)</translation>
    </message>
    <message>
        <source>REGRESSION</source>
        <translation>VERSCHLECHTERUNG</translation>
    </message>
    <message>
        <source>IMPROVEMENT</source>
        <translation>VERBESSERUNG</translation>
    </message>
    <message>
        <source>NO CHANGE</source>
        <translation>KEINE ÄNDERUNG</translation>
    </message>
    <message>
        <source>INCONCLUSIVE</source>
        <translation>UNENTSCHIEDEN</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 Pp.</translation>
    </message>
    <message numerus="yes">
        <source>Verdict: REGRESSION — %n regression(s): %1</source>
        <translation>
            <numerusform>Urteil: VERSCHLECHTERUNG — %n Verschlechterung: %1</numerusform>
            <numerusform>Urteil: VERSCHLECHTERUNG — %n Verschlechterungen: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Verdict: no regression found, but INCONCLUSIVE — some differences are smaller than the runs can resolve (see the resolution column); run longer or repeat the runs</source>
        <translation>Urteil: keine Verschlechterung gefunden, aber UNENTSCHIEDEN — manche Unterschiede sind kleiner, als die Läufe auflösen können (siehe Auflösung); länger laufen lassen oder die Läufe wiederholen</translation>
    </message>
    <message>
        <source>Verdict: no regression — %1</source>
        <translation>Urteil: keine Verschlechterung — %1</translation>
    </message>
    <message>
        <source>Each run is cut into batches of %1 s, long enough that neighbouring batches are nearly independent (twice the correlation time of the latency, measured from 5-second windows, at least 10 s and at most a fifth of the run).</source>
        <translation>Jeder Lauf wird in Blöcke von %1 s geteilt, lang genug, dass benachbarte Blöcke nahezu unabhängig sind (die doppelte Korrelationszeit der Latenz, gemessen an 5-Sekunden-Fenstern, mindestens 10 s und höchstens ein Fünftel des Laufs).</translation>
    </message>
    <message>
        <source>Several runs are on each side: each run is one unit.</source>
        <translation>Auf jeder Seite stehen mehrere Läufe: jeder Lauf ist eine Einheit.</translation>
    </message>
    <message>
        <source>For each metric the logarithm of its value per unit is averaged on each side, and a Welch %1 % confidence interval is put on the difference. A change counts only beyond the margin of ±%2 % (the error rate: ±1 percentage point): a regression when the whole interval lies above it, an improvement when it lies below, no change when it lies within, otherwise inconclusive. The metrics are judged together with Holm&apos;s correction, so the chance of a false alarm stays at the nominal level. The resolution is the smallest change these runs could detect.</source>
        <translation>Für jede Kennzahl wird der Logarithmus ihres Werts je Einheit auf jeder Seite gemittelt, und auf die Differenz wird ein Welch-Konfidenzintervall von %1 % gelegt. Eine Änderung zählt erst jenseits der Toleranz von ±%2 % (Fehlerrate: ±1 Prozentpunkt): eine Verschlechterung, wenn das ganze Intervall darüber liegt, eine Verbesserung, wenn es darunter liegt, keine Änderung, wenn es innerhalb liegt, sonst unentschieden. Die Kennzahlen werden gemeinsam mit der Holm-Korrektur beurteilt, damit die Wahrscheinlichkeit eines Fehlalarms beim Nennwert bleibt. Die Auflösung ist die kleinste Änderung, die diese Läufe erkennen könnten.</translation>
    </message>
    <message>
        <source>Baseline:  </source>
        <translation>Basislinie: </translation>
    </message>
    <message>
        <source>Candidate: </source>
        <translation>Kandidat:   </translation>
    </message>
    <message>
        <source>Batches of %1 s</source>
        <translation>Blöcke von %1 s</translation>
    </message>
    <message>
        <source>Runs as units</source>
        <translation>Läufe als Einheiten</translation>
    </message>
    <message>
        <source>; margin ±%1 %; %2 % intervals</source>
        <translation>; Toleranz ±%1 %; %2-%-Intervalle</translation>
    </message>
    <message>
        <source>metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Warning: </source>
        <translation>Warnung: </translation>
    </message>
</context>
<context>
    <name>DemoOptions</name>
    <message>
        <source>Demo service: how many times faster than the real service (default 10).</source>
        <translation>Demodienst: wievielmal schneller als der echte Dienst (Vorgabe 10).</translation>
    </message>
    <message>
        <source>Demo service: answer ENDPOINT with an error at RATE (0-1 or %), status default 500 (repeatable; endpoints: %1).</source>
        <translation>Demodienst: ENDPUNKT mit der Rate RATE (0-1 oder %) mit einem Fehler beantworten, Status Vorgabe 500 (mehrfach möglich; Endpunkte: %1).</translation>
    </message>
    <message>
        <source>Demo service: never answer ENDPOINT at RATE.</source>
        <translation>Demodienst: ENDPUNKT mit der Rate RATE nie beantworten.</translation>
    </message>
    <message>
        <source>Demo service: reset the connection of ENDPOINT at RATE.</source>
        <translation>Demodienst: die Verbindung von ENDPUNKT mit der Rate RATE zurücksetzen.</translation>
    </message>
    <message>
        <source>Demo service: add latency to ENDPOINT.</source>
        <translation>Demodienst: ENDPUNKT zusätzliche Latenz geben.</translation>
    </message>
    <message>
        <source>Demo service: grow its resident memory by N KB per request.</source>
        <translation>Demodienst: den belegten Speicher je Anfrage um N KB wachsen lassen.</translation>
    </message>
    <message>
        <source>Demo service: answer 503 for the first D after start.</source>
        <translation>Demodienst: in den ersten D nach dem Start mit 503 antworten.</translation>
    </message>
    <message>
        <source>Demo service: 30 requests per minute per client on /chat and /verify (429 beyond).</source>
        <translation>Demodienst: 30 Anfragen pro Minute und Client auf /chat und /verify (darüber 429).</translation>
    </message>
    <message>
        <source>Demo service: parallel slots of the shared model queue (default 8).</source>
        <translation>Demodienst: parallele Plätze der gemeinsamen Modell-Warteschlange (Vorgabe 8).</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a factor from 0.01 to 100000</source>
        <translation>%1: „%2“ ist kein Faktor von 0,01 bis 100000</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; must be ENDPOINT=VALUE with ENDPOINT one of %3</source>
        <translation>%1: „%2“ muss ENDPUNKT=WERT sein, mit ENDPUNKT aus %3</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;: the rate must be 0-1 (or 0-100%) and the status 400-599</source>
        <translation>%1: „%2“: die Rate muss 0-1 (oder 0-100 %) und der Status 400-599 sein</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;: the rate must be 0-1 (or 0-100%)</source>
        <translation>%1: „%2“: die Rate muss 0-1 (oder 0-100 %) sein</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot;: not a duration up to 1h</source>
        <translation>%1: „%2“: keine Dauer bis 1h</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number of KB from 0 to 102400</source>
        <translation>%1: „%2“ ist keine KB-Zahl von 0 bis 102400</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a duration up to 1h</source>
        <translation>%1: „%2“ ist keine Dauer bis 1h</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a number from 1 to 10000</source>
        <translation>%1: „%2“ ist keine Zahl von 1 bis 10000</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a number from %2 to %3</source>
        <translation>Feld „%1“ muss eine Zahl von %2 bis %3 sein</translation>
    </message>
    <message>
        <source>unknown endpoint &quot;%1&quot; in &quot;faults&quot;</source>
        <translation>unbekannter Endpunkt „%1“ in „faults“</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>PASS</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>FAIL</source>
        <translation>FEHLER</translation>
    </message>
    <message>
        <source>PASSED — all %1 criteria met</source>
        <translation>BESTANDEN – alle %1 Kriterien erfüllt</translation>
    </message>
    <message>
        <source>FAILED — %1</source>
        <translation>NICHT BESTANDEN – %1</translation>
    </message>
</context>
<context>
    <name>GeneratorLimits</name>
    <message>
        <source>an engine thread above %1 % of a core for %2 s</source>
        <translation>ein Engine-Thread über %1 % eines Kerns für %2 s</translation>
    </message>
    <message>
        <source>%1 % of the scheduled requests sent late</source>
        <translation>%1 % der geplanten Anfragen zu spät gesendet</translation>
    </message>
    <message>
        <source>generator-bound: %1 (the numbers show the generator&apos;s limit, not only the service&apos;s)</source>
        <translation>generatorbegrenzt: %1 (die Zahlen zeigen die Grenze des Generators, nicht nur die des Dienstes)</translation>
    </message>
</context>
<context>
    <name>Histogram</name>
    <message>
        <source>unknown histogram encoding</source>
        <translation>unbekannte Histogramm-Kodierung</translation>
    </message>
    <message>
        <source>&quot;buckets&quot; must be an array</source>
        <translation>„buckets“ muss ein Array sein</translation>
    </message>
    <message>
        <source>a bucket is not a [value, count] pair</source>
        <translation>ein Eintrag ist kein Paar [Wert, Anzahl]</translation>
    </message>
    <message>
        <source>bucket counts do not add up to &quot;count&quot;</source>
        <translation>die Einträge ergeben nicht „count“</translation>
    </message>
    <message>
        <source>&quot;min&quot;/&quot;max&quot; do not match the buckets</source>
        <translation>„min“/„max“ passen nicht zu den Einträgen</translation>
    </message>
</context>
<context>
    <name>HttpService</name>
    <message>
        <source>cannot listen on %1 port %2: %3</source>
        <translation>kann nicht auf %1 Port %2 lauschen: %3</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>line %1: a STRESSDECK-REPORT frame that is not base64 of gzip</source>
        <translation>Zeile %1: ein STRESSDECK-REPORT-Rahmen, der kein base64 von gzip ist</translation>
    </message>
</context>
<context>
    <name>ModelLookup</name>
    <message>
        <source>the answer lists no model (no &quot;data&quot;: [{&quot;id&quot;: …}])</source>
        <translation>die Antwort nennt kein Modell (kein &quot;data&quot;: [{&quot;id&quot;: …}])</translation>
    </message>
    <message>
        <source>cannot ask %1 for a model: %2 (give one with --model)</source>
        <translation>kann %1 nicht nach einem Modell fragen: %2 (eines mit --model angeben)</translation>
    </message>
    <message>
        <source>no answer within %1 ms</source>
        <translation>keine Antwort innerhalb von %1 ms</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
</context>
<context>
    <name>PdfReport</name>
    <message>
        <source>Stressdeck stress-test report</source>
        <translation>Stressdeck-Lasttestbericht</translation>
    </message>
    <message>
        <source>%1 against %2</source>
        <translation>%1 gegen %2</translation>
    </message>
    <message>
        <source>Started %1 (UTC), %2 s, ended: %3</source>
        <translation>Gestartet %1 (UTC), %2 s, beendet: %3</translation>
    </message>
    <message>
        <source>Configuration</source>
        <translation>Konfiguration</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source> (TLS not verified)</source>
        <translation> (TLS nicht geprüft)</translation>
    </message>
    <message>
        <source>Load model</source>
        <translation>Lastmodell</translation>
    </message>
    <message>
        <source>open, %1 req/s, at most %2 in flight</source>
        <translation>offen, %1 Anf./s, höchstens %2 gleichzeitig</translation>
    </message>
    <message>
        <source>closed, %1 users</source>
        <translation>geschlossen, %1 Benutzer</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Timeout</translation>
    </message>
    <message>
        <source>Think time</source>
        <translation>Denkzeit</translation>
    </message>
    <message>
        <source>%1–%2 ms</source>
        <translation>%1–%2 ms</translation>
    </message>
    <message>
        <source>Monitored process</source>
        <translation>Überwachter Prozess</translation>
    </message>
    <message>
        <source>PID %1 %2</source>
        <translation>PID %1 %2</translation>
    </message>
    <message>
        <source>whole system</source>
        <translation>ganzes System</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Startwert</translation>
    </message>
    <message>
        <source>Overall</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Timeouts</translation>
    </message>
    <message>
        <source>Stuck</source>
        <translation>Hängend</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <source>Request types (latency of successful requests)</source>
        <translation>Anfragetypen (Latenz erfolgreicher Anfragen)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p90</source>
        <translation>p90</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>p99.9</source>
        <translation>p99,9</translation>
    </message>
    <message>
        <source>max</source>
        <translation>max</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>Errors by class and request type</source>
        <translation>Fehler nach Klasse und Anfragetyp</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
    <message>
        <source>No significant bottlenecks detected</source>
        <translation>Keine nennenswerten Engpässe gefunden</translation>
    </message>
    <message>
        <source>Deadlocks and stuck requests</source>
        <translation>Verklemmungen und hängende Anfragen</translation>
    </message>
    <message>
        <source>Stuck requests (in flight after the timeout at the end): %1</source>
        <translation>Hängende Anfragen (am Ende nach dem Timeout noch unterwegs): %1</translation>
    </message>
    <message>
        <source>No stall: requests completed every second while any were in flight</source>
        <translation>Kein Stillstand: jede Sekunde wurden Anfragen abgeschlossen, solange welche unterwegs waren</translation>
    </message>
    <message>
        <source>Stall from %1 s to %2 s with %3 requests in flight</source>
        <translation>Stillstand von %1 s bis %2 s mit %3 Anfragen unterwegs</translation>
    </message>
    <message>
        <source>Memory and generator</source>
        <translation>Speicher und Lastgenerator</translation>
    </message>
    <message>
        <source>Memory growth %1 MB, slope %2 MB/min over %3 samples</source>
        <translation>Speicherzuwachs %1 MB, Steigung %2 MB/min über %3 Messpunkte</translation>
    </message>
    <message>
        <source>Schedule: %1 requests sent, %2 late by ≥ %3 ms, worst %4 ms</source>
        <translation>Fahrplan: %1 Anfragen gesendet, %2 um ≥ %3 ms verspätet, höchstens %4 ms</translation>
    </message>
    <message>
        <source>Generator event-loop lag: p99 %1 ms, max %2 ms</source>
        <translation>Verzögerung der Ereignisschleife des Generators: p99 %1 ms, max %2 ms</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>Stressdeck</source>
        <translation>Stressdeck</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>Rechner</translation>
    </message>
    <message>
        <source>CPUs</source>
        <translation>CPUs</translation>
    </message>
    <message>
        <source>Operating system</source>
        <translation>Betriebssystem</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>Kernel</translation>
    </message>
    <message>
        <source>%1: cannot write the PDF: %2</source>
        <translation>%1: PDF kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Stressdeck report: %1</source>
        <translation>Stressdeck-Bericht: %1</translation>
    </message>
    <message>
        <source>Stressdeck report — %1 — page %2 of %3</source>
        <translation>Stressdeck-Bericht – %1 – Seite %2 von %3</translation>
    </message>
    <message>
        <source>Generator</source>
        <translation>Generator</translation>
    </message>
    <message numerus="yes">
        <source>%1 transport, %n engine thread(s)</source>
        <translation>
            <numerusform>Transport %1, %n Engine-Thread</numerusform>
            <numerusform>Transport %1, %n Engine-Threads</numerusform>
        </translation>
    </message>
    <message>
        <source>open, rate stages %1, at most %2 in flight</source>
        <translation>offen, Ratenstufen %1, höchstens %2 gleichzeitig</translation>
    </message>
    <message>
        <source>closed, user stages %1</source>
        <translation>geschlossen, Nutzerstufen %1</translation>
    </message>
    <message>
        <source>Stages (requests by the time they started)</source>
        <translation>Stufen (Anfragen nach ihrem Startzeitpunkt)</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Rate</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Token streams</source>
        <translation>Token-Streams</translation>
    </message>
    <message>
        <source>Streamed responses of the types that stream, from the first content event to the end of the stream; latencies of successful streams. The glossary below gives the names other tools use.</source>
        <translation>Gestreamte Antworten der streamenden Typen, vom ersten Inhaltsereignis bis zum Ende des Streams; Latenzen erfolgreicher Streams. Das Glossar unten nennt die Namen, die andere Werkzeuge verwenden.</translation>
    </message>
    <message>
        <source>Stream warnings</source>
        <translation>Stream-Warnungen</translation>
    </message>
    <message>
        <source>None: one token per event, usage reported, and the tokens came as they were made</source>
        <translation>Keine: ein Token je Ereignis, usage gemeldet, und die Tokens kamen, sobald sie erzeugt wurden</translation>
    </message>
    <message>
        <source>Glossary</source>
        <translation>Glossar</translation>
    </message>
    <message>
        <source>What it is</source>
        <translation>Bedeutung</translation>
    </message>
    <message>
        <source>vLLM bench serve</source>
        <translation>vLLM bench serve</translation>
    </message>
    <message>
        <source>AIPerf / GuideLLM</source>
        <translation>AIPerf / GuideLLM</translation>
    </message>
    <message>
        <source>%1 p95 %2 is %3× the other types&apos; (at most %4)</source>
        <translation>%1 p95 %2 ist das %3-Fache der anderen Typen (höchstens %4)</translation>
    </message>
    <message>
        <source>%1 % of the requests failed</source>
        <translation>%1 % der Anfragen schlugen fehl</translation>
    </message>
    <message>
        <source>, most as %1 (%2)</source>
        <translation>, die meisten als %1 (%2)</translation>
    </message>
    <message>
        <source>; %1 of them in %2</source>
        <translation>; %1 davon in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) still in flight after the timeout</source>
        <translation>
            <numerusform>%n Anfrage nach dem Timeout noch unterwegs</numerusform>
            <numerusform>%n Anfragen nach dem Timeout noch unterwegs</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing stands out: no errors, and no request type is twice as slow as another</source>
        <translation>Nichts fällt auf: keine Fehler, und kein Anfragetyp ist doppelt so langsam wie ein anderer</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (bisher)</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Zusammenfassung</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>%1 against %2, %3, for %4 s</source>
        <translation>%1 gegen %2, %3, %4 s lang</translation>
    </message>
    <message>
        <source>%1 req/s (%2 requests)</source>
        <translation>%1 Anf./s (%2 Anfragen)</translation>
    </message>
    <message>
        <source>Latency of successful requests</source>
        <translation>Latenz erfolgreicher Anfragen</translation>
    </message>
    <message>
        <source>p50 %1, p95 %2, p99 %3</source>
        <translation>p50 %1, p95 %2, p99 %3</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3 requests, %4 timeouts)</source>
        <translation>%1 % (%2 von %3 Anfragen, %4 Timeouts)</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Kriterien</translation>
    </message>
    <message numerus="yes">
        <source>Main finding</source>
        <translation>
            <numerusform>Wichtigster Befund</numerusform>
            <numerusform>Wichtigste Befunde</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>field &quot;%1&quot; is missing</source>
        <translation>Feld „%1“ fehlt</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has the wrong type</source>
        <translation>Feld „%1“ hat den falschen Typ</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a number</source>
        <translation>Feld „%1“ muss eine Zahl sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;: %2</source>
        <translation>Feld „%1“: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: the counts do not add up</source>
        <translation>„%1“: die Zählungen gehen nicht auf</translation>
    </message>
    <message>
        <source>%1:%2: not a Stressdeck report (invalid or truncated JSON: %3)</source>
        <translation>%1:%2: kein Stressdeck-Bericht (ungültiges oder abgeschnittenes JSON: %3)</translation>
    </message>
    <message>
        <source>%1: not a Stressdeck report (no &quot;schema&quot; field)</source>
        <translation>%1: kein Stressdeck-Bericht (kein Feld „schema“)</translation>
    </message>
    <message>
        <source>%1: unsupported report schema &quot;%2&quot; (this version reads &quot;%3&quot;)</source>
        <translation>%1: nicht unterstütztes Berichtsschema „%2“ (diese Version liest „%3“)</translation>
    </message>
    <message>
        <source>fields &quot;started_at&quot;/&quot;finished_at&quot; must be ISO 8601 times</source>
        <translation>die Felder „started_at“/„finished_at“ müssen ISO-8601-Zeiten sein</translation>
    </message>
    <message>
        <source>field &quot;config.think_time_ms&quot; must be [min, max]</source>
        <translation>Feld „config.think_time_ms“ muss [min, max] sein</translation>
    </message>
    <message>
        <source>field &quot;config.load_model&quot; must be &quot;open&quot; or &quot;closed&quot;</source>
        <translation>Feld „config.load_model“ muss „open“ oder „closed“ sein</translation>
    </message>
    <message>
        <source>%1: not a valid Stressdeck report: %2</source>
        <translation>%1: kein gültiger Stressdeck-Bericht: %2</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1: cannot write the report: %2</source>
        <translation>%1: Bericht kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;: unknown histogram encoding</source>
        <translation>Feld „%1“: unbekannte Histogramm-Kodierung</translation>
    </message>
    <message>
        <source>does not fit the load model</source>
        <translation>passt nicht zum Lastmodell</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is missing or has the wrong type</source>
        <translation>Feld „%1“ fehlt oder hat den falschen Typ</translation>
    </message>
    <message>
        <source>field &quot;shard.index&quot; must be from 0 to count − 1</source>
        <translation>Feld &quot;shard.index&quot; muss zwischen 0 und count − 1 liegen</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be from 0 to %2</source>
        <translation>Feld „%1“ muss zwischen 0 und %2 liegen</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;: the counts do not add up</source>
        <translation>Feld „%1“: die Zählungen gehen nicht auf</translation>
    </message>
    <message>
        <source>%1: its journal %2 does not belong to it (another run&apos;s, or cut short)</source>
        <translation>%1: das Journal %2 gehört nicht dazu (eines anderen Laufs oder abgeschnitten)</translation>
    </message>
    <message>
        <source>%1: cannot write the journal %2: %3</source>
        <translation>%1: das Journal %2 kann nicht geschrieben werden: %3</translation>
    </message>
    <message>
        <source>%1: its journal %2 is missing or shorter than the report says (%3 of %4 bytes)</source>
        <translation>%1: das Journal %2 fehlt oder ist kürzer, als der Bericht angibt (%3 von %4 Bytes)</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be a count (a whole number ≥ 0)</source>
        <translation>Feld „%1“ muss eine Anzahl sein (eine ganze Zahl ≥ 0)</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has %2 values where &quot;timeline.t_s&quot; has %3</source>
        <translation>Feld „%1“ hat %2 Werte, „timeline.t_s“ hat %3</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; must be 5 s times a power of two, not %2</source>
        <translation>Feld &quot;%1&quot; muss 5 s mal eine Zweierpotenz sein, nicht %2</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; has %2 values where &quot;%3&quot; has %4</source>
        <translation>Feld &quot;%1&quot; hat %2 Werte, wo &quot;%3&quot; %4 hat</translation>
    </message>
    <message>
        <source>field &quot;%1[%2]&quot; must be a number</source>
        <translation>Feld &quot;%1[%2]&quot; muss eine Zahl sein</translation>
    </message>
    <message>
        <source>field &quot;%1&quot; is %2 where the report&apos;s is %3</source>
        <translation>Feld &quot;%1&quot; ist %2, wo das des Berichts %3 ist</translation>
    </message>
</context>
<context>
    <name>RunComparison</name>
    <message>
        <source>no report given for the %1</source>
        <translation>kein Bericht für %1 angegeben</translation>
    </message>
    <message>
        <source>baseline</source>
        <translation>die Basislinie</translation>
    </message>
    <message>
        <source>candidate</source>
        <translation>den Kandidaten</translation>
    </message>
    <message>
        <source>%1: has no latency windows (written by an older Stressdeck, or no request ended); run it again to compare it</source>
        <translation>%1: hat keine Latenzfenster (von einem älteren Stressdeck geschrieben, oder keine Anfrage endete); zum Vergleichen erneut ausführen</translation>
    </message>
    <message>
        <source>%1 and %2 have no request type in common</source>
        <translation>%1 und %2 haben keinen gemeinsamen Anfragetyp</translation>
    </message>
    <message>
        <source>request types not on both sides, not compared: %1</source>
        <translation>Anfragetypen nicht auf beiden Seiten, nicht verglichen: %1</translation>
    </message>
    <message>
        <source>the configurations differ in: %1</source>
        <translation>die Konfigurationen unterscheiden sich in: %1</translation>
    </message>
    <message>
        <source>%1: not a Stressdeck comparison: %2</source>
        <translation>%1: kein Stressdeck-Vergleich: %2</translation>
    </message>
    <message>
        <source>&quot;schema&quot; is not &quot;%1&quot;</source>
        <translation>„schema“ ist nicht „%1“</translation>
    </message>
    <message>
        <source>comparisons[%1]: unknown metric or verdict</source>
        <translation>comparisons[%1]: unbekannte Kennzahl oder unbekanntes Urteil</translation>
    </message>
    <message>
        <source>unknown verdict</source>
        <translation>unbekanntes Urteil</translation>
    </message>
    <message>
        <source>%1: cannot write the comparison: %2</source>
        <translation>%1: kann den Vergleich nicht schreiben: %2</translation>
    </message>
</context>
<context>
    <name>RunConfig</name>
    <message>
        <source>target: &quot;%1&quot; is not an http:// or https:// URL</source>
        <translation>Ziel: „%1“ ist keine http://- oder https://-URL</translation>
    </message>
    <message>
        <source>concurrency: %1 is out of range (1–100000)</source>
        <translation>Gleichzeitigkeit: %1 liegt außerhalb des Bereichs (1–100000)</translation>
    </message>
    <message>
        <source>duration: must be above 0 and at most 7 days</source>
        <translation>Dauer: muss über 0 und höchstens 7 Tage sein</translation>
    </message>
    <message>
        <source>timeout: must be above 0 and at most 1 hour</source>
        <translation>Timeout: muss über 0 und höchstens 1 Stunde sein</translation>
    </message>
    <message>
        <source>think time: minimum must be ≥ 0 and not above the maximum (at most 1 hour)</source>
        <translation>Denkzeit: das Minimum muss ≥ 0 und nicht über dem Maximum liegen (höchstens 1 Stunde)</translation>
    </message>
    <message>
        <source>rate: must be above 0 requests per second</source>
        <translation>Rate: muss über 0 Anfragen pro Sekunde liegen</translation>
    </message>
    <message>
        <source>sample interval: must be from 1 s to 1 hour</source>
        <translation>Messintervall: muss zwischen 1 s und 1 Stunde liegen</translation>
    </message>
    <message>
        <source>leak threshold: must be above 0 MB</source>
        <translation>Leck-Schwelle: muss über 0 MB liegen</translation>
    </message>
    <message>
        <source>health path: &quot;%1&quot; must start with &quot;/&quot;</source>
        <translation>Prüfpfad: „%1“ muss mit „/“ beginnen</translation>
    </message>
    <message>
        <source>checkpoint interval: must be from 1 s to 1 hour</source>
        <translation>Sicherungsintervall: muss zwischen 1 s und 1 Stunde liegen</translation>
    </message>
    <message>
        <source>maximum body size: must be at least 1 byte</source>
        <translation>größter Antwortrumpf: muss mindestens 1 Byte sein</translation>
    </message>
    <message>
        <source>monitored PID: must be a positive number</source>
        <translation>überwachte PID: muss eine positive Zahl sein</translation>
    </message>
    <message>
        <source>threads: %1 is out of range (0 for automatic, up to 256)</source>
        <translation>Threads: %1 liegt außerhalb des Bereichs (0 für automatisch, bis 256)</translation>
    </message>
    <message>
        <source>stages: user stages belong to the closed model, rate stages to the open model</source>
        <translation>Stufen: Nutzerstufen gehören zum geschlossenen Modell, Ratenstufen zum offenen Modell</translation>
    </message>
    <message>
        <source>stages: the run lasts as long as its stages (%1), not %2</source>
        <translation>Stufen: der Lauf dauert so lange wie seine Stufen (%1), nicht %2</translation>
    </message>
</context>
<context>
    <name>RunHistory</name>
    <message>
        <source>There is no data folder for the run history.</source>
        <translation>Es gibt keinen Datenordner für den Laufverlauf.</translation>
    </message>
    <message>
        <source>Qt&apos;s SQLite driver is missing (on Debian: the package libqt6sql6-sqlite).</source>
        <translation>Qts SQLite-Treiber fehlt (unter Debian: das Paket libqt6sql6-sqlite).</translation>
    </message>
    <message>
        <source>Cannot open the run history %1: %2</source>
        <translation>Der Laufverlauf %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>Der Ordner %1 kann nicht angelegt werden</translation>
    </message>
    <message>
        <source>The run history %1 is damaged and cannot be moved aside</source>
        <translation>Der Laufverlauf %1 ist beschädigt und kann nicht beiseitegelegt werden</translation>
    </message>
    <message>
        <source>Cannot update the run history %1: %2</source>
        <translation>Der Laufverlauf %1 kann nicht aktualisiert werden: %2</translation>
    </message>
    <message>
        <source>The run history %1 was written by a newer Stressdeck (schema %2; this one knows %3).</source>
        <translation>Der Laufverlauf %1 wurde von einem neueren Stressdeck geschrieben (Schema %2; dieses kennt %3).</translation>
    </message>
    <message>
        <source>Cannot record the run in %1: %2</source>
        <translation>Der Lauf kann nicht in %1 aufgezeichnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot keep a copy of the report in %1: %2</source>
        <translation>Eine Kopie des Berichts kann nicht in %1 abgelegt werden: %2</translation>
    </message>
</context>
<context>
    <name>Scenario</name>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1: kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1:%2: invalid JSON: %3</source>
        <translation>%1:%2: ungültiges JSON: %3</translation>
    </message>
    <message>
        <source>%1: a scenario must be a JSON object</source>
        <translation>%1: ein Szenario muss ein JSON-Objekt sein</translation>
    </message>
    <message>
        <source>%1: field &quot;%2&quot;: %3</source>
        <translation>%1: Feld „%2“: %3</translation>
    </message>
    <message>
        <source>must be a non-empty string</source>
        <translation>muss eine nicht leere Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be an array of request types</source>
        <translation>muss ein Array von Anfragetypen sein</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>muss ein Objekt sein</translation>
    </message>
    <message>
        <source>must be a string such as &quot;GET&quot; or &quot;POST&quot;</source>
        <translation>muss eine Zeichenkette wie „GET“ oder „POST“ sein</translation>
    </message>
    <message>
        <source>must be a string starting with &quot;/&quot;</source>
        <translation>muss eine Zeichenkette sein, die mit „/“ beginnt</translation>
    </message>
    <message>
        <source>must be an object of header names to string values</source>
        <translation>muss ein Objekt aus Header-Namen und Zeichenketten sein</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>muss eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be an array of JSON bodies</source>
        <translation>muss ein Array von JSON-Rümpfen sein</translation>
    </message>
    <message>
        <source>must be a JSON object, an array or a string</source>
        <translation>muss ein JSON-Objekt, ein Array oder eine Zeichenkette sein</translation>
    </message>
    <message>
        <source>must be a number</source>
        <translation>muss eine Zahl sein</translation>
    </message>
    <message>
        <source>must be an array of status codes</source>
        <translation>muss ein Array von Statuscodes sein</translation>
    </message>
    <message>
        <source>must contain only numbers</source>
        <translation>darf nur Zahlen enthalten</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>muss true oder false sein</translation>
    </message>
    <message>
        <source>field &quot;request_types&quot;: needs at least one request type</source>
        <translation>Feld „request_types“: braucht mindestens einen Anfragetyp</translation>
    </message>
    <message>
        <source>field &quot;%1&quot;: %2</source>
        <translation>Feld „%1“: %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is used twice</source>
        <translation>„%1“ kommt doppelt vor</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2</source>
        <translation>„%1“ ist nicht eines von %2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must start with &quot;/&quot;</source>
        <translation>„%1“ muss mit „/“ beginnen</translation>
    </message>
    <message>
        <source>must be a number from 0 to 1000000</source>
        <translation>muss eine Zahl von 0 bis 1000000 sein</translation>
    </message>
    <message>
        <source>needs at least one status code</source>
        <translation>braucht mindestens einen Statuscode</translation>
    </message>
    <message>
        <source>%1 is not an HTTP status code (100–599)</source>
        <translation>%1 ist kein HTTP-Statuscode (100–599)</translation>
    </message>
    <message>
        <source>field &quot;request_types&quot;: at least one weight must be above 0</source>
        <translation>Feld „request_types“: mindestens ein Gewicht muss über 0 liegen</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1: kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>The five request types of the Archive-AI stress script on the service&apos;s real routes.</source>
        <translation>Die fünf Anfragetypen des Archive-AI-Lasttestskripts auf den echten Routen des Dienstes.</translation>
    </message>
    <message>
        <source>The original concurrent_test.py paths (/agent, /memory/search, /code-assist), which the real service answers with 307 and 404.</source>
        <translation>Die ursprünglichen Pfade aus concurrent_test.py (/agent, /memory/search, /code-assist), die der echte Dienst mit 307 und 404 beantwortet.</translation>
    </message>
    <message>
        <source>request type &quot;%1&quot;, header &quot;%2&quot;: environment variable %3 is not set</source>
        <translation>Anfragetyp „%1“, Header „%2“: Umgebungsvariable %3 ist nicht gesetzt</translation>
    </message>
    <message>
        <source>--request &quot;%1&quot;: expected &quot;METHOD /path&quot; or &quot;METHOD /path {json}&quot;</source>
        <translation>--request „%1“: erwartet „METHODE /pfad“ oder „METHODE /pfad {json}“</translation>
    </message>
    <message>
        <source>--request &quot;%1&quot;: the body is not valid JSON: %2</source>
        <translation>--request „%1“: der Rumpf ist kein gültiges JSON: %2</translation>
    </message>
    <message>
        <source>--request &quot;%1&quot;: &quot;%2&quot; is not one of %3</source>
        <translation>--request „%1“: „%2“ ist nicht eines von %3</translation>
    </message>
    <message>
        <source>must not contain spaces or control characters</source>
        <translation>darf keine Leer- oder Steuerzeichen enthalten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid header name</source>
        <translation>„%1“ ist kein gültiger Header-Name</translation>
    </message>
    <message>
        <source>the value of &quot;%1&quot; contains a line break</source>
        <translation>der Wert von „%1“ enthält einen Zeilenumbruch</translation>
    </message>
    <message>
        <source>cannot be combined with &quot;stages&quot;</source>
        <translation>kann nicht mit „stages“ kombiniert werden</translation>
    </message>
    <message>
        <source>must be a text such as &quot;30s:10,1m:10&quot; or an array</source>
        <translation>muss ein Text wie „30s:10,1m:10“ oder ein Array sein</translation>
    </message>
    <message>
        <source>must be a non-empty array of parts</source>
        <translation>muss ein nicht leeres Array von Teilen sein</translation>
    </message>
    <message>
        <source>needs exactly one of &quot;value&quot;, &quot;file&quot; and &quot;wav&quot;</source>
        <translation>braucht genau eines von &quot;value&quot;, &quot;file&quot; und &quot;wav&quot;</translation>
    </message>
    <message>
        <source>%1 is not a regular file</source>
        <translation>%1 ist keine reguläre Datei</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>%1 is larger than 64 MiB</source>
        <translation>%1 ist größer als 64 MiB</translation>
    </message>
    <message>
        <source>must be an object such as {&quot;seconds&quot;: 2}</source>
        <translation>muss ein Objekt wie {&quot;seconds&quot;: 2} sein</translation>
    </message>
    <message>
        <source>must be a number from 0.1 to 600</source>
        <translation>muss eine Zahl von 0,1 bis 600 sein</translation>
    </message>
    <message>
        <source>must be a whole number from 8000 to 48000</source>
        <translation>muss eine ganze Zahl von 8000 bis 48000 sein</translation>
    </message>
    <message>
        <source>cannot be combined with &quot;bodies&quot;</source>
        <translation>kann nicht mit &quot;bodies&quot; kombiniert werden</translation>
    </message>
    <message>
        <source>cannot be combined with &quot;stream&quot;</source>
        <translation>kann nicht mit &quot;stream&quot; kombiniert werden</translation>
    </message>
    <message>
        <source>needs a method that sends a body, such as POST</source>
        <translation>braucht eine Methode, die einen Rumpf sendet, etwa POST</translation>
    </message>
    <message>
        <source>Content-Type is set by &quot;multipart&quot; (it names the boundary); leave it out</source>
        <translation>Content-Type setzt &quot;multipart&quot; selbst (es nennt die Boundary); bitte weglassen</translation>
    </message>
    <message>
        <source>part &quot;%1&quot;: needs a name, and names, file names and content types without quotes or control characters</source>
        <translation>Teil „%1“: braucht einen Namen, und Namen, Dateinamen und Content-Types ohne Anführungs- oder Steuerzeichen</translation>
    </message>
    <message>
        <source>Streamed POST /v1/chat/completions with short, medium and long prompts: time to first token and time per output token of an OpenAI-compatible engine.</source>
        <translation>Gestreamtes POST /v1/chat/completions mit kurzen, mittleren und langen Prompts: Zeit bis zum ersten Token und Zeit je Ausgabetoken einer OpenAI-kompatiblen Engine.</translation>
    </message>
    <message>
        <source>The five Archive-AI request types with voice (text to speech as JSON, speech to text as a multipart WAV upload) and a streamed chat completion of the OpenAI-compatible engine beneath.</source>
        <translation>Die fünf Archive-AI-Anfragetypen mit Sprache (Text zu Sprache als JSON, Sprache zu Text als Multipart-WAV-Upload) und eine gestreamte Chat-Completion der darunterliegenden OpenAI-kompatiblen Engine.</translation>
    </message>
</context>
<context>
    <name>Shard</name>
    <message>
        <source>--shard auto: %1=&quot;%2&quot; is not a valid shard number</source>
        <translation>--shard auto: %1=&quot;%2&quot; ist keine gültige Shard-Nummer</translation>
    </message>
    <message>
        <source>--shard: &quot;%1&quot; is not I/N with 0 ≤ I &lt; N, or auto</source>
        <translation>--shard: „%1“ ist weder I/N mit 0 ≤ I &lt; N noch auto</translation>
    </message>
    <message>
        <source>--start-at: &quot;%1&quot; is neither an RFC 3339 time with a zone (2026-12-01T15:00:00Z) nor Unix seconds</source>
        <translation>--start-at: „%1“ ist weder eine RFC-3339-Zeit mit Zeitzone (2026-12-01T15:00:00Z) noch Unix-Sekunden</translation>
    </message>
</context>
<context>
    <name>Slo</name>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>SLO: no terms given</source>
        <translation>SLO: keine Bedingungen angegeben</translation>
    </message>
    <message>
        <source>SLO term &quot;%1&quot;: not one of p50|p90|p95|p99&lt;DURATION, errors&lt;PCT, ttft_p95&lt;DURATION, tpot_p95&lt;DURATION, optionally after &quot;TYPE.&quot;</source>
        <translation>SLO-Bedingung „%1“: keine von p50|p90|p95|p99&lt;DAUER, errors&lt;PROZENT, ttft_p95&lt;DAUER, tpot_p95&lt;DAUER, wahlweise nach „TYP.“</translation>
    </message>
    <message>
        <source>SLO term &quot;%1&quot;: &quot;%2&quot; is not a percentage above 0 and at most 100</source>
        <translation>SLO-Bedingung „%1“: „%2“ ist kein Prozentwert über 0 und höchstens 100</translation>
    </message>
    <message>
        <source>SLO term &quot;%1&quot;: &quot;%2&quot; is not a duration above 0</source>
        <translation>SLO-Bedingung „%1“: „%2“ ist keine Dauer über 0</translation>
    </message>
    <message>
        <source>SLO term &quot;%1&quot;: %2 is limited twice</source>
        <translation>SLO-Bedingung „%1“: %2 ist zweimal begrenzt</translation>
    </message>
    <message>
        <source>SLO term &quot;%1&quot;: not a valid term</source>
        <translation>SLO-Bedingung „%1“: keine gültige Bedingung</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>%1: no data</source>
        <translation>%1: keine Daten</translation>
    </message>
    <message>
        <source>%1 %2 &lt; %3</source>
        <translation>%1 %2 &lt; %3</translation>
    </message>
    <message>
        <source>%1 %2 ≥ %3</source>
        <translation>%1 %2 ≥ %3</translation>
    </message>
</context>
<context>
    <name>SparseHistogram</name>
    <message>
        <source>&quot;buckets&quot; must be an array of index steps and counts</source>
        <translation>„buckets“ muss ein Array aus Indexschritten und Anzahlen sein</translation>
    </message>
    <message>
        <source>bucket %1 is not an index step and a count</source>
        <translation>Bucket %1 ist kein Indexschritt mit Anzahl</translation>
    </message>
    <message>
        <source>&quot;min&quot;/&quot;max&quot; do not match the buckets</source>
        <translation>„min“/„max“ passen nicht zu den Buckets</translation>
    </message>
</context>
<context>
    <name>Stages</name>
    <message>
        <source>stage %1: &quot;%2&quot; is not a number of users (a whole number from 0 to 100000)</source>
        <translation>Stufe %1: „%2“ ist keine Nutzerzahl (eine ganze Zahl von 0 bis 100000)</translation>
    </message>
    <message>
        <source>stage %1: &quot;%2&quot; is not a rate (requests per second from 0 to 10000000)</source>
        <translation>Stufe %1: „%2“ ist keine Rate (Anfragen pro Sekunde von 0 bis 10000000)</translation>
    </message>
    <message>
        <source>stages: the total duration must be above 0 and at most 7 days</source>
        <translation>Stufen: die Gesamtdauer muss über 0 und höchstens 7 Tage sein</translation>
    </message>
    <message>
        <source>stages: none given</source>
        <translation>Stufen: keine angegeben</translation>
    </message>
    <message>
        <source>stage %1: &quot;%2&quot; is not DURATION:TARGET</source>
        <translation>Stufe %1: „%2“ ist nicht DAUER:ZIEL</translation>
    </message>
    <message>
        <source>stage %1: &quot;%2&quot; is not a duration</source>
        <translation>Stufe %1: „%2“ ist keine Dauer</translation>
    </message>
    <message>
        <source>(missing)</source>
        <translation>(fehlt)</translation>
    </message>
</context>
<context>
    <name>Stressdeck::CapacityForm</name>
    <message>
        <source>Capacity search</source>
        <translation>Kapazitätssuche</translation>
    </message>
    <message>
        <source>Open-model steps of a constant rate, growing until a step breaks the SLO, then a bisection to within 5 %: the highest rate the target sustains</source>
        <translation>Stufen konstanter Rate im offenen Modell, wachsend bis eine Stufe das SLO verletzt, dann eine Intervallhalbierung auf 5 % genau: die höchste Rate, die das Ziel trägt</translation>
    </message>
    <message>
        <source>p50|p90|p95|p99&lt;DURATION and errors&lt;PCT, comma-separated, each optionally for one request type (chat.p95&lt;800ms)</source>
        <translation>p50|p90|p95|p99&lt;DAUER und errors&lt;PROZENT, durch Kommas getrennt, jeweils wahlweise für einen Anfragetyp (chat.p95&lt;800ms)</translation>
    </message>
    <message>
        <source>&amp;SLO:</source>
        <translation>&amp;SLO:</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anfr./s</translation>
    </message>
    <message>
        <source>Start &amp;at:</source>
        <translation>Start &amp;bei:</translation>
    </message>
    <message>
        <source>At &amp;most:</source>
        <translation>&amp;Höchstens:</translation>
    </message>
    <message>
        <source>Length of every step, at least 2s; the first fifth of each is warm-up</source>
        <translation>Länge jeder Stufe, mindestens 2s; das erste Fünftel ist jeweils Aufwärmphase</translation>
    </message>
    <message>
        <source>Ste&amp;p length:</source>
        <translation>Stu&amp;fenlänge:</translation>
    </message>
    <message>
        <source>&amp;Growth:</source>
        <translation>&amp;Wachstum:</translation>
    </message>
    <message>
        <source>SLO: %1</source>
        <translation>SLO: %1</translation>
    </message>
    <message>
        <source>Step length: &quot;%1&quot; is not a duration of at least 2s.</source>
        <translation>Stufenlänge: &quot;%1&quot; ist keine Dauer von mindestens 2s.</translation>
    </message>
    <message>
        <source>At most: %1 req/s is below the start rate.</source>
        <translation>Höchstens: %1 Anfr./s liegt unter der Startrate.</translation>
    </message>
</context>
<context>
    <name>Stressdeck::CapacityView</name>
    <message>
        <source>No capacity search yet: choose the capacity profile or the load model &quot;Capacity search&quot; and press Start.</source>
        <translation>Noch keine Kapazitätssuche: Wählen Sie das Profil capacity oder das Lastmodell &quot;Kapazitätssuche&quot; und drücken Sie Start.</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>Rate (req/s)</source>
        <translation>Rate (Anfr./s)</translation>
    </message>
    <message>
        <source>Achieved (req/s)</source>
        <translation>Erreicht (Anfr./s)</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>bestanden</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>gescheitert: %1</translation>
    </message>
</context>
<context>
    <name>Stressdeck::Dashboard</name>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>requests/s</source>
        <translation>Anfragen/s</translation>
    </message>
    <message>
        <source>successes/s</source>
        <translation>Erfolge/s</translation>
    </message>
    <message>
        <source>errors/s</source>
        <translation>Fehler/s</translation>
    </message>
    <message>
        <source>Latency</source>
        <translation>Latenz</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>Monitored process: memory</source>
        <translation>Überwachter Prozess: Speicher</translation>
    </message>
    <message>
        <source>resident memory</source>
        <translation>belegter Speicher</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Requests in flight</source>
        <translation>Laufende Anfragen</translation>
    </message>
    <message>
        <source>requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>in flight</source>
        <translation>unterwegs</translation>
    </message>
    <message>
        <source>Criterion</source>
        <translation>Kriterium</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Einzelheiten</translation>
    </message>
    <message>
        <source>Request types</source>
        <translation>Anfragetypen</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Criteria</source>
        <translation>Kriterien</translation>
    </message>
    <message>
        <source>Bottlenecks &amp;&amp; stuck requests</source>
        <translation>Engpässe &amp;&amp; hängende Anfragen</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Benutzer</numerusform>
            <numerusform>%n Benutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>No significant bottlenecks detected.</source>
        <translation>Keine nennenswerten Engpässe gefunden.</translation>
    </message>
    <message>
        <source>Stuck requests (still in flight after the timeout at the end): %1</source>
        <translation>Hängende Anfragen (am Ende nach dem Timeout noch unterwegs): %1</translation>
    </message>
    <message>
        <source>Stall: no request completed from %1 s to %2 s with %3 in flight</source>
        <translation>Stillstand: von %1 s bis %2 s keine Anfrage abgeschlossen, %3 unterwegs</translation>
    </message>
    <message>
        <source>Schedule: %1 sent, %2 late</source>
        <translation>Fahrplan: %1 gesendet, %2 verspätet</translation>
    </message>
    <message>
        <source>Generator event-loop lag: p99 %1 ms, max %2 ms</source>
        <translation>Verzögerung der Ereignisschleife des Generators: p99 %1 ms, max %2 ms</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1 (Basislinie)</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Kennzahl</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Kandidat</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <source>Interval</source>
        <translation>Intervall</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>No baseline: File › Compare with baseline… picks a saved report.</source>
        <translation>Keine Basislinie: Datei › Mit Basislinie vergleichen… wählt einen gespeicherten Bericht.</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>Baseline set: the comparison appears once the run has its first latency windows.</source>
        <translation>Basislinie gesetzt: der Vergleich erscheint, sobald der Lauf seine ersten Latenzfenster hat.</translation>
    </message>
    <message>
        <source>Time to first token</source>
        <translation>Zeit bis zum ersten Token</translation>
    </message>
    <message>
        <source>Time per output token</source>
        <translation>Zeit je Ausgabetoken</translation>
    </message>
    <message>
        <source>Output tokens per second</source>
        <translation>Ausgabetokens pro Sekunde</translation>
    </message>
    <message>
        <source>tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>output tokens/s</source>
        <translation>Ausgabetokens/s</translation>
    </message>
    <message>
        <source>Token streams</source>
        <translation>Token-Streams</translation>
    </message>
    <message>
        <source>Token streams:</source>
        <translation>Token-Streams:</translation>
    </message>
    <message>
        <source>Latency over time of all requests, of one request type, or the p95 of every type together (click a name in the legend to hide or show its line)</source>
        <translation>Latenz im Zeitverlauf aller Anfragen, eines Anfragetyps oder das p95 aller Typen zusammen (ein Klick auf einen Namen in der Legende blendet seine Linie aus oder ein)</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>Each point is the percentile of the requests that ended in the window up to it: 1 s shows each second alone (noisy at low rates), 10 s and 60 s the trend</source>
        <translation>Jeder Punkt ist das Perzentil der Anfragen, die im Fenster bis zu ihm endeten: 1 s zeigt jede Sekunde für sich (unruhig bei niedrigen Raten), 10 s und 60 s den Trend</translation>
    </message>
    <message>
        <source>&amp;Latency of:</source>
        <translation>&amp;Latenz von:</translation>
    </message>
    <message>
        <source>&amp;Window:</source>
        <translation>&amp;Fenster:</translation>
    </message>
    <message>
        <source>%1 (baseline, 1 s)</source>
        <translation>%1 (Basislinie, 1 s)</translation>
    </message>
    <message>
        <source>Each type together (p95)</source>
        <translation>Alle Typen zusammen (p95)</translation>
    </message>
    <message>
        <source>start skew %1 ms</source>
        <translation>Startversatz %1 ms</translation>
    </message>
    <message>
        <source>Latency p95 of each type, %1 s window</source>
        <translation>Latenz p95 jedes Typs, Fenster %1 s</translation>
    </message>
    <message>
        <source>Latency, %1 s window</source>
        <translation>Latenz, Fenster %1 s</translation>
    </message>
    <message>
        <source>%1 (so far)</source>
        <translation>%1 (bisher)</translation>
    </message>
    <message>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <source>Monitored process: CPU (% of one core)</source>
        <translation>Überwachter Prozess: CPU (% eines Kerns)</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
</context>
<context>
    <name>Stressdeck::DemoKnobsPanel</name>
    <message>
        <source>Demo service fault knobs</source>
        <translation>Fehlerregler des Demodienstes</translation>
    </message>
    <message>
        <source>Change how the built-in demo service misbehaves, also while a run goes on</source>
        <translation>Einstellen, wie sich der eingebaute Demodienst danebenbenimmt, auch während eines Laufs</translation>
    </message>
    <message>
        <source>Endpoint:</source>
        <translation>Endpunkt:</translation>
    </message>
    <message>
        <source>Error rate:</source>
        <translation>Fehlerrate:</translation>
    </message>
    <message>
        <source>Hang rate:</source>
        <translation>Hänge-Rate:</translation>
    </message>
    <message>
        <source>Reset rate:</source>
        <translation>Reset-Rate:</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Extra latency:</source>
        <translation>Zusätzliche Latenz:</translation>
    </message>
    <message>
        <source> KB/request</source>
        <translation> KB/Anfrage</translation>
    </message>
    <message>
        <source>Memory leak:</source>
        <translation>Speicherleck:</translation>
    </message>
</context>
<context>
    <name>Stressdeck::Engine</name>
    <message>
        <source>Target unavailable: %1 did not answer within 5 s</source>
        <translation>Ziel nicht erreichbar: %1 hat nicht innerhalb von 5 s geantwortet</translation>
    </message>
    <message>
        <source>Target unavailable: cannot reach %1: %2</source>
        <translation>Ziel nicht erreichbar: %1 ist nicht erreichbar: %2</translation>
    </message>
    <message>
        <source>Target unavailable: %1 answered HTTP %2 (use --health-path or --no-health-check if that is expected)</source>
        <translation>Ziel nicht erreichbar: %1 antwortete mit HTTP %2 (--health-path oder --no-health-check verwenden, falls das erwartet ist)</translation>
    </message>
</context>
<context>
    <name>Stressdeck::HistoryModel</name>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message numerus="yes">
        <source>%n user(s)</source>
        <translation>
            <numerusform>%n Nutzer</numerusform>
            <numerusform>%n Nutzer</numerusform>
        </translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>Stressdeck::HistoryPanel</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the selected run&apos;s report in the dashboard</source>
        <translation>Den Bericht des gewählten Laufs im Dashboard öffnen</translation>
    </message>
    <message>
        <source>Use as &amp;baseline</source>
        <translation>Als &amp;Basislinie verwenden</translation>
    </message>
    <message>
        <source>Compare the next runs with the selected one</source>
        <translation>Die nächsten Läufe mit dem gewählten vergleichen</translation>
    </message>
    <message>
        <source>Target:</source>
        <translation>Ziel:</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>Szenario:</translation>
    </message>
    <message>
        <source>run (oldest first)</source>
        <translation>Lauf (ältester zuerst)</translation>
    </message>
    <message>
        <source>all</source>
        <translation>alle</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>alle Anfragen</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>% errors</source>
        <translation>% Fehler</translation>
    </message>
    <message numerus="yes">
        <source>%1 of %2 over the last %n run(s)</source>
        <translation>
            <numerusform>%1 von %2 im letzten Lauf</numerusform>
            <numerusform>%1 von %2 über die letzten %n Läufe</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stressdeck::LoadRunner</name>
    <message>
        <source>A run is already in progress.</source>
        <translation>Es läuft bereits ein Test.</translation>
    </message>
    <message>
        <source>Scenario &quot;%1&quot;: %2</source>
        <translation>Szenario „%1“: %2</translation>
    </message>
    <message>
        <source>%1 connections need about %2 open files, but this process may open only %3 (the hard limit, ulimit -Hn; raise it with ulimit -n, LimitNOFILE= of a systemd unit or /etc/security/limits.conf)</source>
        <translation>%1 Verbindungen brauchen etwa %2 offene Dateien, dieser Prozess darf aber nur %3 öffnen (die harte Grenze, ulimit -Hn; anheben mit ulimit -n, LimitNOFILE= einer systemd-Unit oder /etc/security/limits.conf)</translation>
    </message>
    <message>
        <source>%1 connections to one target need as many local ports, but net.ipv4.ip_local_port_range gives %2 (%3–%4)</source>
        <translation>%1 Verbindungen zu einem Ziel brauchen ebenso viele lokale Ports, net.ipv4.ip_local_port_range gibt aber %2 (%3–%4)</translation>
    </message>
</context>
<context>
    <name>Stressdeck::MainWindow</name>
    <message>
        <source>Stressdeck</source>
        <translation>Stressdeck</translation>
    </message>
    <message>
        <source>idle</source>
        <translation>bereit</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Live load</source>
        <translation>Last im Lauf</translation>
    </message>
    <message>
        <source>Users (closed model) or requests per second (open model) while the run goes on</source>
        <translation>Benutzer (geschlossenes Modell) oder Anfragen pro Sekunde (offenes Modell) während des Laufs</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Open report…</source>
        <translation>Bericht ö&amp;ffnen …</translation>
    </message>
    <message>
        <source>Open report</source>
        <translation>Bericht öffnen</translation>
    </message>
    <message>
        <source>Stressdeck reports (*.json)</source>
        <translation>Stressdeck-Berichte (*.json)</translation>
    </message>
    <message>
        <source>Recent reports</source>
        <translation>Zuletzt geöffnete Berichte</translation>
    </message>
    <message>
        <source>&amp;Save report…</source>
        <translation>Bericht &amp;speichern …</translation>
    </message>
    <message>
        <source>Save report</source>
        <translation>Bericht speichern</translation>
    </message>
    <message>
        <source>&amp;Export PDF…</source>
        <translation>PDF &amp;exportieren …</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>PDF exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Lauf</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>Sto&amp;ppen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Pause charts</source>
        <translation>Diagramme &amp;anhalten</translation>
    </message>
    <message>
        <source>&amp;Reset zoom</source>
        <translation>Zoom &amp;zurücksetzen</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>Lauf</translation>
    </message>
    <message>
        <source>Save profile</source>
        <translation>Profil speichern</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a built-in profile; choose another name.</source>
        <translation>„%1“ ist ein eingebautes Profil; bitte einen anderen Namen wählen.</translation>
    </message>
    <message>
        <source>Rename profile</source>
        <translation>Profil umbenennen</translation>
    </message>
    <message>
        <source>Built-in profiles cannot be renamed.</source>
        <translation>Eingebaute Profile können nicht umbenannt werden.</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>Neuer Name:</translation>
    </message>
    <message>
        <source>A profile named &quot;%1&quot; exists already.</source>
        <translation>Ein Profil namens „%1“ gibt es schon.</translation>
    </message>
    <message>
        <source>Demo service</source>
        <translation>Demodienst</translation>
    </message>
    <message>
        <source>stressdeck (demo service)</source>
        <translation>stressdeck (Demodienst)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Starten</translation>
    </message>
    <message>
        <source>Running &quot;%1&quot; against %2</source>
        <translation>„%1“ läuft gegen %2</translation>
    </message>
    <message>
        <source>Stopping: waiting for requests in flight (Esc again aborts them)</source>
        <translation>Wird gestoppt: laufende Anfragen werden abgewartet (nochmals Esc bricht sie ab)</translation>
    </message>
    <message>
        <source>draining: %1 in flight</source>
        <translation>Auslaufen: %1 unterwegs</translation>
    </message>
    <message>
        <source>%1 / %2 — %3 left</source>
        <translation>%1 / %2 – noch %3</translation>
    </message>
    <message>
        <source>generator lag %1 ms · window lag %2 ms</source>
        <translation>Generator-Verzögerung %1 ms · Fenster-Verzögerung %2 ms</translation>
    </message>
    <message>
        <source>Cannot write the screenshot %1</source>
        <translation>Das Bildschirmfoto %1 kann nicht geschrieben werden</translation>
    </message>
    <message>
        <source>finished in %1</source>
        <translation>fertig nach %1</translation>
    </message>
    <message>
        <source>Target unavailable</source>
        <translation>Ziel nicht erreichbar</translation>
    </message>
    <message>
        <source>Run passed</source>
        <translation>Lauf bestanden</translation>
    </message>
    <message>
        <source>Run failed</source>
        <translation>Lauf nicht bestanden</translation>
    </message>
    <message>
        <source>There is no report yet.</source>
        <translation>Es gibt noch keinen Bericht.</translation>
    </message>
    <message>
        <source>Report saved to %1</source>
        <translation>Bericht gespeichert unter %1</translation>
    </message>
    <message>
        <source>PDF written to %1</source>
        <translation>PDF geschrieben nach %1</translation>
    </message>
    <message>
        <source>Recovered the report of an unfinished run (kept as %1)</source>
        <translation>Bericht eines unvollendeten Laufs wiederhergestellt (aufbewahrt als %1)</translation>
    </message>
    <message>
        <source>Report %1 (%2, %3)</source>
        <translation>Bericht %1 (%2, %3)</translation>
    </message>
    <message>
        <source>Run in progress</source>
        <translation>Lauf in Arbeit</translation>
    </message>
    <message>
        <source>A run is in progress. Stop it and quit? The results so far will be lost unless you save them first.</source>
        <translation>Ein Lauf ist in Arbeit. Stoppen und beenden? Die bisherigen Ergebnisse gehen verloren, wenn sie nicht zuvor gespeichert werden.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Sprache</translation>
    </message>
    <message>
        <source>System default</source>
        <translation>Systemvorgabe</translation>
    </message>
    <message>
        <source>The language changes the next time Stressdeck starts.</source>
        <translation>Die Sprache wechselt beim nächsten Start von Stressdeck.</translation>
    </message>
    <message>
        <source>Baseline</source>
        <translation>Basislinie</translation>
    </message>
    <message>
        <source>A saved report every run is compared with, live: dashed lines on the charts and the Comparison tab</source>
        <translation>Ein gespeicherter Bericht, mit dem jeder Lauf live verglichen wird: gestrichelte Linien in den Diagrammen und der Reiter Vergleich</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Wählen…</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Compare with baseline</source>
        <translation>Mit Basislinie vergleichen</translation>
    </message>
    <message>
        <source>Compare with &amp;baseline…</source>
        <translation>Mit &amp;Basislinie vergleichen…</translation>
    </message>
    <message>
        <source>C&amp;lear baseline</source>
        <translation>Basislinie &amp;entfernen</translation>
    </message>
    <message>
        <source>Export &amp;comparison PDF…</source>
        <translation>&amp;Vergleich als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export comparison PDF</source>
        <translation>Vergleich als PDF exportieren</translation>
    </message>
    <message>
        <source>%1 has no latency windows (an older Stressdeck wrote it); run it again to use it as a baseline.</source>
        <translation>%1 hat keine Latenzfenster (ein älteres Stressdeck hat ihn geschrieben); als Basislinie erneut ausführen.</translation>
    </message>
    <message>
        <source>There is no comparison yet.</source>
        <translation>Es gibt noch keinen Vergleich.</translation>
    </message>
    <message>
        <source>The run was not recorded in the history: %1</source>
        <translation>Der Lauf wurde nicht im Verlauf aufgezeichnet: %1</translation>
    </message>
    <message>
        <source>Run history</source>
        <translation>Laufverlauf</translation>
    </message>
    <message>
        <source>Run &amp;history</source>
        <translation>Lauf&amp;verlauf</translation>
    </message>
    <message>
        <source>The recorded runs: open one, use one as the baseline, plot a metric across them (Ctrl+Shift+H)</source>
        <translation>Die aufgezeichneten Läufe: einen öffnen, einen als Basislinie verwenden, eine Kennzahl über sie auftragen (Strg+Umschalt+H)</translation>
    </message>
    <message>
        <source>Capacit&amp;y search</source>
        <translation>Kapa&amp;zitätssuche</translation>
    </message>
    <message>
        <source>Capacity search: step %1 of about %2 at %3 req/s</source>
        <translation>Kapazitätssuche: Stufe %1 von etwa %2 bei %3 Anfr./s</translation>
    </message>
    <message>
        <source>Capacity search</source>
        <translation>Kapazitätssuche</translation>
    </message>
    <message>
        <source>Export capacit&amp;y search PDF…</source>
        <translation>Kapa&amp;zitätssuche als PDF exportieren…</translation>
    </message>
    <message>
        <source>Export capacity PDF</source>
        <translation>Kapazitäts-PDF exportieren</translation>
    </message>
    <message>
        <source>Save capacity search as JSON…</source>
        <translation>Kapazitätssuche als JSON speichern…</translation>
    </message>
    <message>
        <source>Save capacity search</source>
        <translation>Kapazitätssuche speichern</translation>
    </message>
    <message>
        <source>JSON (*.json)</source>
        <translation>JSON (*.json)</translation>
    </message>
    <message>
        <source> — step %1 passed at %2 req/s</source>
        <translation> — Stufe %1 bestanden bei %2 Anfr./s</translation>
    </message>
    <message>
        <source> — step %1 failed at %2 req/s: %3</source>
        <translation> — Stufe %1 gescheitert bei %2 Anfr./s: %3</translation>
    </message>
    <message>
        <source>Step %1 of about %2: %3 req/s with %4%5</source>
        <translation>Stufe %1 von etwa %2: %3 Anfr./s mit %4%5</translation>
    </message>
    <message numerus="yes">
        <source>%n step(s) done</source>
        <translation>
            <numerusform>%n Stufe fertig</numerusform>
            <numerusform>%n Stufen fertig</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no finished capacity search yet.</source>
        <translation>Es gibt noch keine abgeschlossene Kapazitätssuche.</translation>
    </message>
    <message>
        <source>Capacity search saved to %1</source>
        <translation>Kapazitätssuche gespeichert in %1</translation>
    </message>
    <message>
        <source>&quot;%1&quot; against %2, %3 transport, steps of %4</source>
        <translation>&quot;%1&quot; gegen %2, Transport %3, Stufen von %4</translation>
    </message>
    <message>
        <source>Stopping the capacity search: the step in progress is not judged (Esc again aborts its requests)</source>
        <translation>Kapazitätssuche wird beendet: Die laufende Stufe wird nicht beurteilt (erneut Esc bricht ihre Anfragen ab)</translation>
    </message>
    <message>
        <source>step %1 of about %2 · %3 left</source>
        <translation>Stufe %1 von etwa %2 · noch %3</translation>
    </message>
    <message>
        <source>Asking %1 for a model…</source>
        <translation>Frage %1 nach einem Modell …</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Kein Modell</translation>
    </message>
    <message>
        <source>Using %1, the first model of %2</source>
        <translation>Verwende %1, das erste Modell von %2</translation>
    </message>
    <message>
        <source>&amp;Follow shards…</source>
        <translation>Shards &amp;folgen…</translation>
    </message>
    <message>
        <source>Follow the shards checkpointing into</source>
        <translation>Den Shards folgen, die hierhin ihre Checkpoints schreiben</translation>
    </message>
    <message>
        <source>Stop follo&amp;wing</source>
        <translation>Folgen &amp;beenden</translation>
    </message>
    <message>
        <source>Stop the run first: the window runs or follows, not both at once</source>
        <translation>Erst den Lauf beenden: Das Fenster führt aus oder folgt, nicht beides zugleich</translation>
    </message>
    <message>
        <source>Cannot follow %1: not a folder</source>
        <translation>Kann %1 nicht folgen: kein Ordner</translation>
    </message>
    <message>
        <source>Following the shards in %1</source>
        <translation>Folge den Shards in %1</translation>
    </message>
    <message>
        <source>Stopped following</source>
        <translation>Folgen beendet</translation>
    </message>
    <message>
        <source>Following %1: %2 requests so far</source>
        <translation>Folge %1: bisher %2 Anfragen</translation>
    </message>
    <message numerus="yes">
        <source>The followed run finished: %n shard(s) merged</source>
        <translation>
            <numerusform>Der verfolgte Lauf ist fertig: %n Shard zusammengeführt</numerusform>
            <numerusform>Der verfolgte Lauf ist fertig: %n Shards zusammengeführt</numerusform>
        </translation>
    </message>
    <message>
        <source>Event-loop lag of the engine threads and of this window, and the busiest engine thread&apos;s CPU. Under 50 ms of lag the numbers are trustworthy; above it, or with an engine thread above 90 % of a core for a tenth of the run, or 5 % of an open model&apos;s requests sent late, the generator itself is the bottleneck (generator-bound).</source>
        <translation>Event-Loop-Verzögerung der Engine-Threads und dieses Fensters sowie die CPU des meistbelasteten Engine-Threads. Unter 50 ms Verzögerung sind die Zahlen verlässlich; darüber, oder mit einem Engine-Thread über 90 % eines Kerns für ein Zehntel des Laufs, oder 5 % zu spät gesendeten Anfragen im offenen Modell, ist der Generator selbst der Engpass (generatorbegrenzt).</translation>
    </message>
    <message>
        <source> · engine CPU %1 %</source>
        <translation> · Engine-CPU %1 %</translation>
    </message>
    <message>
        <source> · GENERATOR-BOUND</source>
        <translation> · GENERATORBEGRENZT</translation>
    </message>
    <message>
        <source> · GENERATOR-BOUND: try the fast transport</source>
        <translation> · GENERATORBEGRENZT: den schnellen Transport versuchen</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
</context>
<context>
    <name>Stressdeck::RecoveryOffer</name>
    <message>
        <source>Recover a run</source>
        <translation>Lauf wiederherstellen</translation>
    </message>
    <message>
        <source>A run did not finish (Stressdeck was closed abruptly). Its report up to the last checkpoint was saved:
%1

Open it?</source>
        <translation>Ein Lauf wurde nicht beendet (Stressdeck wurde abrupt geschlossen). Sein Bericht bis zur letzten Sicherung wurde gespeichert:
%1

Öffnen?</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Verwerfen</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>Stressdeck::RequestTypeModel</name>
    <message>
        <source>Request type</source>
        <translation>Anfragetyp</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>Success</source>
        <translation>Erfolg</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>Timeouts</source>
        <translation>Timeouts</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anf./s</translation>
    </message>
    <message>
        <source>Share of requests answered with an accepted status</source>
        <translation>Anteil der Anfragen mit einem akzeptierten Status</translation>
    </message>
    <message>
        <source>Latency percentile of successful requests</source>
        <translation>Latenz-Perzentil erfolgreicher Anfragen</translation>
    </message>
    <message>
        <source>Completed requests per second over the run</source>
        <translation>Abgeschlossene Anfragen pro Sekunde über den Lauf</translation>
    </message>
</context>
<context>
    <name>Stressdeck::SetupForm</name>
    <message>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Speichern …</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Umbenennen …</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Öffnen …</translation>
    </message>
    <message>
        <source>Scenario:</source>
        <translation>Szenario:</translation>
    </message>
    <message>
        <source>built-in demo service</source>
        <translation>eingebauter Demodienst</translation>
    </message>
    <message>
        <source>Base URL of the service under test; empty: the built-in Archive-AI demo service</source>
        <translation>Basis-URL des getesteten Dienstes; leer: der eingebaute Archive-AI-Demodienst</translation>
    </message>
    <message>
        <source>&amp;Target:</source>
        <translation>&amp;Ziel:</translation>
    </message>
    <message>
        <source>&amp;Concurrency:</source>
        <translation>&amp;Gleichzeitigkeit:</translation>
    </message>
    <message>
        <source>e.g. 30s, 5m, 1h</source>
        <translation>z. B. 30s, 5m, 1h</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>T&amp;imeout:</source>
        <translation>T&amp;imeout:</translation>
    </message>
    <message>
        <source>Pause of each user between requests, e.g. 100ms-500ms or 0</source>
        <translation>Pause jedes Benutzers zwischen Anfragen, z. B. 100ms-500ms oder 0</translation>
    </message>
    <message>
        <source>Thin&amp;k time:</source>
        <translation>Den&amp;kzeit:</translation>
    </message>
    <message>
        <source>Closed: users with think time</source>
        <translation>Geschlossen: Benutzer mit Denkzeit</translation>
    </message>
    <message>
        <source>Open: fixed arrival rate</source>
        <translation>Offen: feste Ankunftsrate</translation>
    </message>
    <message>
        <source>&amp;Load model:</source>
        <translation>&amp;Lastmodell:</translation>
    </message>
    <message>
        <source> req/s</source>
        <translation> Anf./s</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source>Qt network (TLS, HTTP/2, redirects)</source>
        <translation>Qt-Netzwerk (TLS, HTTP/2, Weiterleitungen)</translation>
    </message>
    <message>
        <source>Fast HTTP/1.1 (high rates)</source>
        <translation>Schnelles HTTP/1.1 (hohe Raten)</translation>
    </message>
    <message>
        <source>How requests are sent. The fast client reaches far higher rates but speaks only HTTP/1.1 and uses no proxy.</source>
        <translation>Wie Anfragen gesendet werden. Der schnelle Client erreicht weit höhere Raten, spricht aber nur HTTP/1.1 und nutzt keinen Proxy.</translation>
    </message>
    <message>
        <source>Tr&amp;ansport:</source>
        <translation>Tr&amp;ansport:</translation>
    </message>
    <message numerus="yes">
        <source>Automatic (%n)</source>
        <translation>
            <numerusform>Automatisch (%n)</numerusform>
            <numerusform>Automatisch (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>Engine threads the users are spread over; automatic is one per core, minus one for this window</source>
        <translation>Engine-Threads, auf die die Nutzer verteilt werden; automatisch ist einer je Kern, minus einer für dieses Fenster</translation>
    </message>
    <message>
        <source>Engine t&amp;hreads:</source>
        <translation>Engine-T&amp;hreads:</translation>
    </message>
    <message>
        <source>demo service, or whole system</source>
        <translation>Demodienst oder ganzes System</translation>
    </message>
    <message>
        <source>PID or process name of the service whose memory and CPU to watch</source>
        <translation>PID oder Prozessname des Dienstes, dessen Speicher und CPU beobachtet werden</translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation>Auswählen …</translation>
    </message>
    <message>
        <source>Monitor:</source>
        <translation>Überwachen:</translation>
    </message>
    <message>
        <source>Duration: &quot;%1&quot; is not a duration such as 30s, 5m or 1h.</source>
        <translation>Dauer: „%1“ ist keine Dauer wie 30s, 5m oder 1h.</translation>
    </message>
    <message>
        <source>Timeout: &quot;%1&quot; is not a duration such as 30s.</source>
        <translation>Timeout: „%1“ ist keine Dauer wie 30s.</translation>
    </message>
    <message>
        <source>Think time: &quot;%1&quot; is not a range such as 100ms-500ms, or 0.</source>
        <translation>Denkzeit: „%1“ ist kein Bereich wie 100ms-500ms oder 0.</translation>
    </message>
    <message>
        <source>Monitor: there is no process %1.</source>
        <translation>Überwachen: es gibt keinen Prozess %1.</translation>
    </message>
    <message>
        <source>Monitor: no running process is named &quot;%1&quot;.</source>
        <translation>Überwachen: kein laufender Prozess heißt „%1“.</translation>
    </message>
    <message>
        <source>Open scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>Scenarios (*.json)</source>
        <translation>Szenarien (*.json)</translation>
    </message>
    <message>
        <source>Monitored process</source>
        <translation>Überwachter Prozess</translation>
    </message>
    <message>
        <source>Process:</source>
        <translation>Prozess:</translation>
    </message>
    <message>
        <source>quick: 30 s, 5 users; normal: 5 min, 10 users; extended: 15 min, 20 users; capacity: the highest rate within an SLO, step by step</source>
        <translation>quick: 30 s, 5 Nutzer; normal: 5 min, 10 Nutzer; extended: 15 min, 20 Nutzer; capacity: die höchste Rate innerhalb eines SLO, Stufe für Stufe</translation>
    </message>
    <message>
        <source>Capacity search: the highest rate within an SLO</source>
        <translation>Kapazitätssuche: die höchste Rate innerhalb eines SLO</translation>
    </message>
    <message>
        <source>CPU per request: Qt network ≈ %1 µs, fast ≈ %2 µs (%3).</source>
        <translation>CPU je Anfrage: Qt-Netzwerk ≈ %1 µs, schnell ≈ %2 µs (%3).</translation>
    </message>
    <message>
        <source>measured here by your last runs</source>
        <translation>hier von Ihren letzten Läufen gemessen</translation>
    </message>
    <message>
        <source>partly measured here</source>
        <translation>teils hier gemessen</translation>
    </message>
    <message>
        <source>a 2-core reference machine</source>
        <translation>eine Referenzmaschine mit 2 Kernen</translation>
    </message>
    <message numerus="yes">
        <source>At %1 req/s Qt network needs ≈ %2 cores for %n engine thread(s): it would limit the run; choose the fast transport.</source>
        <translation>
            <numerusform>Bei %1 Anf./s braucht Qt-Netzwerk ≈ %2 Kerne für %n Engine-Thread: es würde den Lauf begrenzen; wählen Sie den schnellen Transport.</numerusform>
            <numerusform>Bei %1 Anf./s braucht Qt-Netzwerk ≈ %2 Kerne für %n Engine-Threads: es würde den Lauf begrenzen; wählen Sie den schnellen Transport.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Stressdeck::ShardFollower</name>
    <message>
        <source>%1: no such folder</source>
        <translation>%1: kein solcher Ordner</translation>
    </message>
    <message>
        <source>%1: not a shard report (no shard block)</source>
        <translation>%1: kein Shard-Bericht (kein shard-Block)</translation>
    </message>
</context>
<context>
    <name>Stressdeck::ShardMerge</name>
    <message>
        <source>no shard reports to merge</source>
        <translation>keine Shard-Berichte zum Zusammenführen</translation>
    </message>
    <message>
        <source>%1: not a shard report (no &quot;shard&quot; block or no &quot;histograms&quot;; run it with --shard)</source>
        <translation>%1: kein Shard-Bericht (kein &quot;shard&quot;-Block oder keine &quot;histograms&quot;; mit --shard ausführen)</translation>
    </message>
    <message>
        <source>%1: elapsed_s %2 is not a run&apos;s length</source>
        <translation>%1: elapsed_s %2 ist keine Laufdauer</translation>
    </message>
    <message>
        <source>%1: shard count %2 differs from %3 of %4</source>
        <translation>%1: Shard-Anzahl %2 weicht von %3 aus %4 ab</translation>
    </message>
    <message>
        <source>%1: plan_hash %2 differs from %3 of %4 (not the same plan)</source>
        <translation>%1: plan_hash %2 weicht von %3 aus %4 ab (nicht derselbe Plan)</translation>
    </message>
    <message>
        <source>%1: histogram layout %2 differs from %3 of %4</source>
        <translation>%1: Histogramm-Layout %2 weicht von %3 aus %4 ab</translation>
    </message>
    <message>
        <source>%1: shard index %2 is also in %3</source>
        <translation>%1: Shard-Index %2 steht auch in %3</translation>
    </message>
    <message>
        <source>missing shard index(es) %1 of %2 (--allow-partial merges what is there)</source>
        <translation>fehlende Shard-Indizes %1 von %2 (--allow-partial führt das Vorhandene zusammen)</translation>
    </message>
    <message>
        <source>%1: starts more than a day away from the other shards: not the same run</source>
        <translation>%1: beginnt mehr als einen Tag entfernt von den anderen Shards: nicht derselbe Lauf</translation>
    </message>
</context>
<context>
    <name>Stressdeck::ShardStatusModel</name>
    <message>
        <source>waiting</source>
        <translation>wartet</translation>
    </message>
    <message>
        <source>late</source>
        <translation>verspätet</translation>
    </message>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>silent</source>
        <translation>stumm</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 s ago</source>
        <translation>vor %1 s</translation>
    </message>
    <message>
        <source>Shard</source>
        <translation>Shard</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Verstrichen</translation>
    </message>
    <message>
        <source>Start lag</source>
        <translation>Startverzug</translation>
    </message>
    <message>
        <source>Last written</source>
        <translation>Zuletzt geschrieben</translation>
    </message>
    <message>
        <source>running: a checkpoint within three intervals; silent: none for longer (stuck, killed or cut off); late: nothing long after the start, or it joined the schedule late; waiting: nothing yet; finished: its final report is there</source>
        <translation>läuft: ein Checkpoint innerhalb von drei Intervallen; stumm: länger keiner (hängt, beendet oder abgeschnitten); verspätet: lange nach dem Start nichts, oder spät in den Fahrplan eingestiegen; wartet: noch nichts; fertig: der fertige Bericht liegt vor</translation>
    </message>
    <message>
        <source>How long after --start-at the shard started (its start_lag_ms)</source>
        <translation>Wie lange nach --start-at der Shard begann (sein start_lag_ms)</translation>
    </message>
    <message>
        <source>Age of the shard&apos;s newest file in the followed folder</source>
        <translation>Alter der neuesten Datei des Shards im verfolgten Ordner</translation>
    </message>
</context>
<context>
    <name>Stressdeck::ShardStatusView</name>
    <message>
        <source>Partial: shard(s) %1 missing; the figures are those of the others only</source>
        <translation>Unvollständig: Shard(s) %1 fehlen; die Zahlen sind nur die der anderen</translation>
    </message>
    <message>
        <source>The shards started %1 ms apart: more than 1 s or 1 % of the run</source>
        <translation>Die Shards starteten %1 ms auseinander: mehr als 1 s oder 1 % des Laufs</translation>
    </message>
    <message>
        <source>Following %1: no shard has written a checkpoint yet</source>
        <translation>Folge %1: noch kein Shard hat einen Checkpoint geschrieben</translation>
    </message>
    <message numerus="yes">
        <source>Followed %1: all %n shard(s) finished</source>
        <translation>
            <numerusform>%1 gefolgt: der %n Shard ist fertig</numerusform>
            <numerusform>%1 gefolgt: alle %n Shards sind fertig</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Following %1: %n shard(s), %2</source>
        <translation>
            <numerusform>Folge %1: %n Shard, %2</numerusform>
            <numerusform>Folge %1: %n Shards, %2</numerusform>
        </translation>
    </message>
    <message>
        <source>Merged from %1 of %2 shards, start skew %3 ms</source>
        <translation>Zusammengeführt aus %1 von %2 Shards, Startversatz %3 ms</translation>
    </message>
</context>
<context>
    <name>Stressdeck::SpectrumChart</name>
    <message>
        <source>Latency distribution</source>
        <translation>Latenzverteilung</translation>
    </message>
    <message>
        <source>percentile (%)</source>
        <translation>Perzentil (%)</translation>
    </message>
    <message>
        <source>Latency of the successful requests at each percentile, on a logarithmic axis: each step right is one more nine (90 %, 99 %, 99.9 %, …). The line stops where the count of requests runs out; its end is the slowest request.</source>
        <translation>Latenz der erfolgreichen Anfragen bei jedem Perzentil, auf einer logarithmischen Achse: jeder Schritt nach rechts ist eine Neun mehr (90 %, 99 %, 99,9 %, …). Die Linie endet, wo die Zahl der Anfragen nicht mehr reicht; ihr Ende ist die langsamste Anfrage.</translation>
    </message>
    <message>
        <source>Whose latency distribution the chart shows</source>
        <translation>Wessen Latenzverteilung das Diagramm zeigt</translation>
    </message>
    <message>
        <source>&amp;Distribution of:</source>
        <translation>&amp;Verteilung von:</translation>
    </message>
    <message>
        <source>All requests</source>
        <translation>Alle Anfragen</translation>
    </message>
    <message>
        <source>Each type together</source>
        <translation>Alle Typen zusammen</translation>
    </message>
    <message>
        <source>%1: p%2 = %3 ms</source>
        <translation>%1: p%2 = %3 ms</translation>
    </message>
    <message>
        <source>all requests</source>
        <translation>alle Anfragen</translation>
    </message>
    <message>
        <source>%1 (baseline)</source>
        <translation>%1 (Basislinie)</translation>
    </message>
    <message>
        <source>Latency distribution of each type</source>
        <translation>Latenzverteilung jedes Typs</translation>
    </message>
    <message>
        <source>Latency distribution of %1</source>
        <translation>Latenzverteilung von %1</translation>
    </message>
    <message>
        <source>ms</source>
        <translation>ms</translation>
    </message>
</context>
<context>
    <name>Stressdeck::StageEditor</name>
    <message>
        <source>Stages</source>
        <translation>Stufen</translation>
    </message>
    <message>
        <source>Shape the load: each stage ramps linearly from the previous target (0 at the start) to its own over its duration; a 0s stage is a step. The run lasts as long as its stages.</source>
        <translation>Formt die Last: Jede Stufe steigt linear vom vorigen Ziel (0 am Anfang) über ihre Dauer zu ihrem eigenen; eine 0s-Stufe ist ein Sprung. Der Lauf dauert so lange wie seine Stufen.</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Stufe hinzufügen</translation>
    </message>
    <message>
        <source>Adds a stage after the selected one, holding its target</source>
        <translation>Fügt nach der gewählten Stufe eine hinzu, die deren Ziel hält</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Target (users)</source>
        <translation>Ziel (Nutzer)</translation>
    </message>
    <message>
        <source>Target (req/s)</source>
        <translation>Ziel (Anfr./s)</translation>
    </message>
    <message>
        <source>Stages: add at least one stage, or uncheck Stages for a constant load.</source>
        <translation>Stufen: Fügen Sie mindestens eine Stufe hinzu oder schalten Sie Stufen für eine konstante Last ab.</translation>
    </message>
    <message>
        <source>Stages: %1</source>
        <translation>Stufen: %1</translation>
    </message>
</context>
<context>
    <name>Stressdeck::StagePreview</name>
    <message>
        <source>no stages</source>
        <translation>keine Stufen</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Nutzer</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anfr./s</translation>
    </message>
    <message>
        <source>%1 · peak %2 %3</source>
        <translation>%1 · Spitze %2 %3</translation>
    </message>
</context>
<context>
    <name>Stressdeck::StreamingModel</name>
    <message>
        <source>TTFT (ttft_ms)</source>
        <translation>TTFT (ttft_ms)</translation>
    </message>
    <message>
        <source>Time to first token: first content event − send</source>
        <translation>Zeit bis zum ersten Token: erstes Inhaltsereignis − Senden</translation>
    </message>
    <message>
        <source>TTFT</source>
        <translation>TTFT</translation>
    </message>
    <message>
        <source>time_to_first_token (AIPerf), TTFT (GuideLLM)</source>
        <translation>time_to_first_token (AIPerf), TTFT (GuideLLM)</translation>
    </message>
    <message>
        <source>TTFT from schedule (ttft_sched_ms)</source>
        <translation>TTFT ab Fahrplan (ttft_sched_ms)</translation>
    </message>
    <message>
        <source>First content event − the intended start (open model): includes the wait for a free slot</source>
        <translation>Erstes Inhaltsereignis − geplanter Start (offenes Modell): enthält das Warten auf einen freien Platz</translation>
    </message>
    <message>
        <source>TPOT (tpot_ms)</source>
        <translation>TPOT (tpot_ms)</translation>
    </message>
    <message>
        <source>Time per output token: (last content − first content) ÷ (N − 1), N from the server&apos;s usage</source>
        <translation>Zeit je Ausgabetoken: (letzter Inhalt − erster Inhalt) ÷ (N − 1), N aus der usage des Servers</translation>
    </message>
    <message>
        <source>TPOT</source>
        <translation>TPOT</translation>
    </message>
    <message>
        <source>inter_token_latency (AIPerf), ITL (GuideLLM)</source>
        <translation>inter_token_latency (AIPerf), ITL (GuideLLM)</translation>
    </message>
    <message>
        <source>ICL (icl_ms)</source>
        <translation>ICL (icl_ms)</translation>
    </message>
    <message>
        <source>Inter-chunk latency: every gap between two content events, pooled; per token only at one token per event</source>
        <translation>Inter-Chunk-Latenz: jede Lücke zwischen zwei Inhaltsereignissen, zusammengefasst; nur bei einem Token je Ereignis eine Latenz je Token</translation>
    </message>
    <message>
        <source>ITL</source>
        <translation>ITL</translation>
    </message>
    <message>
        <source>E2E (e2e_ms)</source>
        <translation>E2E (e2e_ms)</translation>
    </message>
    <message>
        <source>End of the stream − send</source>
        <translation>Ende des Streams − Senden</translation>
    </message>
    <message>
        <source>E2EL</source>
        <translation>E2EL</translation>
    </message>
    <message>
        <source>request_latency</source>
        <translation>request_latency</translation>
    </message>
    <message>
        <source>Output tokens (output_tokens)</source>
        <translation>Ausgabetokens (output_tokens)</translation>
    </message>
    <message>
        <source>From the server&apos;s usage.completion_tokens, never counted from characters; tokens/s over the run</source>
        <translation>Aus usage.completion_tokens des Servers, nie aus Zeichen gezählt; Tokens/s über den Lauf</translation>
    </message>
    <message>
        <source>Total generated tokens, output token throughput</source>
        <translation>Total generated tokens, output token throughput</translation>
    </message>
    <message>
        <source>output_sequence_length, output_token_throughput</source>
        <translation>output_sequence_length, output_token_throughput</translation>
    </message>
    <message>
        <source>Token source (token_source)</source>
        <translation>Token-Quelle (token_source)</translation>
    </message>
    <message>
        <source>Where each stream&apos;s token count came from: usage, or none (no TPOT, no tokens)</source>
        <translation>Woher die Token-Anzahl jedes Streams stammt: usage oder keine (dann keine TPOT, keine Tokens)</translation>
    </message>
    <message>
        <source>Chunks per token (chunks_per_token)</source>
        <translation>Chunks je Token (chunks_per_token)</translation>
    </message>
    <message>
        <source>Content events per output token; below %1 an ICL is the gap between events, not between tokens</source>
        <translation>Inhaltsereignisse je Ausgabetoken; unter %1 ist eine ICL die Lücke zwischen Ereignissen, nicht zwischen Tokens</translation>
    </message>
    <message>
        <source>%1: %2
vLLM bench serve: %3
AIPerf / GuideLLM: %4</source>
        <translation>%1: %2
vLLM bench serve: %3
AIPerf / GuideLLM: %4</translation>
    </message>
    <message>
        <source>%1 tok/s</source>
        <translation>%1 tok/s</translation>
    </message>
    <message>
        <source>usage</source>
        <translation>usage</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <source>usage %1, none %2</source>
        <translation>usage %1, keine %2</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Streams</source>
        <translation>Streams</translation>
    </message>
    <message>
        <source>TTFT p50</source>
        <translation>TTFT p50</translation>
    </message>
    <message>
        <source>TTFT p95</source>
        <translation>TTFT p95</translation>
    </message>
    <message>
        <source>TTFT p99</source>
        <translation>TTFT p99</translation>
    </message>
    <message>
        <source>TPOT p50</source>
        <translation>TPOT p50</translation>
    </message>
    <message>
        <source>TPOT p95</source>
        <translation>TPOT p95</translation>
    </message>
    <message>
        <source>ICL p50</source>
        <translation>ICL p50</translation>
    </message>
    <message>
        <source>ICL p99</source>
        <translation>ICL p99</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokens</translation>
    </message>
    <message>
        <source>Tokens/s</source>
        <translation>Tokens/s</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Chunks/token</source>
        <translation>Chunks/Token</translation>
    </message>
    <message>
        <source>Request type; a type&apos;s warnings are in its tooltip</source>
        <translation>Anfragetyp; die Warnungen eines Typs stehen in seinem Tooltip</translation>
    </message>
    <message>
        <source>Successful streams: only they have streaming figures</source>
        <translation>Erfolgreiche Streams: nur sie haben Streaming-Kennzahlen</translation>
    </message>
</context>
<context>
    <name>Stressdeck::SummaryStrip</name>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>p95 (%1 s)</source>
        <translation>p95 (%1 s)</translation>
    </message>
    <message>
        <source>%1 / %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>%1 left</source>
        <translation>noch %1</translation>
    </message>
    <message>
        <source>draining</source>
        <translation>Auslaufen</translation>
    </message>
    <message>
        <source>p95 (run)</source>
        <translation>p95 (Lauf)</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>fertig</translation>
    </message>
    <message>
        <source>Throughput</source>
        <translation>Durchsatz</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anf./s</translation>
    </message>
    <message>
        <source>Limit: %1 (p95 of a request type)</source>
        <translation>Grenze: %1 (p95 eines Anfragetyps)</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Allowed: %1 % (success rate ≥ %2 %)</source>
        <translation>Erlaubt: %1 % (Erfolgsquote ≥ %2 %)</translation>
    </message>
    <message>
        <source>In flight</source>
        <translation>Unterwegs</translation>
    </message>
    <message numerus="yes">
        <source>%n stuck</source>
        <translation>
            <numerusform>%n hängend</numerusform>
            <numerusform>%n hängend</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 pp</source>
        <translation>%1 Pp.</translation>
    </message>
    <message>
        <source>baseline %1 (%2%3)</source>
        <translation>Basislinie %1 (%2%3)</translation>
    </message>
    <message>
        <source>not judged yet</source>
        <translation>noch nicht beurteilt</translation>
    </message>
    <message>
        <source>so far</source>
        <translation>bisher</translation>
    </message>
</context>
<context>
    <name>Stressdeck::TimeSeriesChart</name>
    <message>
        <source>time (s)</source>
        <translation>Zeit (s)</translation>
    </message>
    <message>
        <source>Drag to zoom, right-click to zoom out; hover a line for its values.</source>
        <translation>Ziehen zum Zoomen, Rechtsklick zum Herauszoomen; über einer Linie zeigt sich ihr Wert.</translation>
    </message>
</context>
<context>
    <name>Summary</name>
    <message>
        <source>  Total: %1
</source>
        <translation>  Gesamt: %1
</translation>
    </message>
    <message>
        <source>  Success: %1 (%2%)
</source>
        <translation>  Erfolg: %1 (%2 %)
</translation>
    </message>
    <message>
        <source>  Failure: %1
</source>
        <translation>  Fehlschläge: %1
</translation>
    </message>
    <message>
        <source>  Timeouts: %1
</source>
        <translation>  Timeouts: %1
</translation>
    </message>
    <message>
        <source>  Latency: avg=%1, p50=%2, p95=%3, p99=%4, max=%5
</source>
        <translation>  Latenz: Mittel=%1, p50=%2, p95=%3, p99=%4, max=%5
</translation>
    </message>
    <message>
        <source>  Errors:
</source>
        <translation>  Fehler:
</translation>
    </message>
    <message>
        <source>Stressdeck report: %1 against %2
</source>
        <translation>Stressdeck-Bericht: %1 gegen %2
</translation>
    </message>
    <message>
        <source>Profile %1, %2, %3 %4, timeout %5 s, think time %6–%7 ms
</source>
        <translation>Profil %1, %2, %3 %4, Timeout %5 s, Denkzeit %6–%7 ms
</translation>
    </message>
    <message>
        <source>open model</source>
        <translation>offenes Modell</translation>
    </message>
    <message>
        <source>closed model</source>
        <translation>geschlossenes Modell</translation>
    </message>
    <message>
        <source>req/s</source>
        <translation>Anf./s</translation>
    </message>
    <message>
        <source>users</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>TLS certificates were NOT verified (--insecure)
</source>
        <translation>TLS-Zertifikate wurden NICHT geprüft (--insecure)
</translation>
    </message>
    <message>
        <source>Test Results (%1s)
</source>
        <translation>Testergebnisse (%1 s)
</translation>
    </message>
    <message>
        <source>Request Statistics:
</source>
        <translation>Anfragestatistik:
</translation>
    </message>
    <message>
        <source>
Overall:
</source>
        <translation>
Gesamt:
</translation>
    </message>
    <message>
        <source>  Total Requests: %1
</source>
        <translation>  Anfragen insgesamt: %1
</translation>
    </message>
    <message>
        <source>  Success Rate: %1%
</source>
        <translation>  Erfolgsquote: %1 %
</translation>
    </message>
    <message>
        <source>  Throughput: %1 req/s
</source>
        <translation>  Durchsatz: %1 Anf./s
</translation>
    </message>
    <message>
        <source>  Latency: p50=%1, p95=%2, p99=%3
</source>
        <translation>  Latenz: p50=%1, p95=%2, p99=%3
</translation>
    </message>
    <message>
        <source>  Schedule: %1 sent, %2 late (≥ %3 ms)
</source>
        <translation>  Fahrplan: %1 gesendet, %2 verspätet (≥ %3 ms)
</translation>
    </message>
    <message>
        <source>  Stuck requests: %1
</source>
        <translation>  Hängende Anfragen: %1
</translation>
    </message>
    <message>
        <source>
Resource Usage (%1):
</source>
        <translation>
Ressourcen (%1):
</translation>
    </message>
    <message>
        <source>process %1 %2</source>
        <translation>Prozess %1 %2</translation>
    </message>
    <message>
        <source>whole system</source>
        <translation>ganzes System</translation>
    </message>
    <message>
        <source>  CPU: avg=%1%, max=%2%
</source>
        <translation>  CPU: Mittel=%1 %, max=%2 %
</translation>
    </message>
    <message>
        <source>  Memory: avg=%1MB, max=%2MB
</source>
        <translation>  Speicher: Mittel=%1 MB, max=%2 MB
</translation>
    </message>
    <message>
        <source>  Memory Growth: %1%2MB (%3 MB/min)
</source>
        <translation>  Speicherzuwachs: %1%2 MB (%3 MB/min)
</translation>
    </message>
    <message>
        <source>  no samples
</source>
        <translation>  keine Messpunkte
</translation>
    </message>
    <message>
        <source>
Pass/Fail Criteria:
</source>
        <translation>
Kriterien:
</translation>
    </message>
    <message>
        <source>
Result: %1/%2 criteria passed
</source>
        <translation>
Ergebnis: %1/%2 Kriterien erfüllt
</translation>
    </message>
    <message>
        <source>✓ STRESS TEST PASSED
</source>
        <translation>✓ LASTTEST BESTANDEN
</translation>
    </message>
    <message>
        <source>✗ STRESS TEST FAILED (%1 criteria failed)
</source>
        <translation>✗ LASTTEST NICHT BESTANDEN (%1 Kriterien verfehlt)
</translation>
    </message>
    <message>
        <source> draining, %1 in flight</source>
        <translation> Auslaufen, %1 unterwegs</translation>
    </message>
    <message>
        <source>[%1/%2] %3 requests, %4 req/s, %5 errors, p95 %6%7</source>
        <translation>[%1/%2] %3 Anfragen, %4 Anf./s, %5 Fehler, p95 %6%7</translation>
    </message>
    <message numerus="yes">
        <source>Generator: %1 transport, %n engine thread(s)
</source>
        <translation>
            <numerusform>Generator: Transport %1, %n Engine-Thread
</numerusform>
            <numerusform>Generator: Transport %1, %n Engine-Threads
</numerusform>
        </translation>
    </message>
    <message>
        <source>
Stages (by the requests that started in each):
</source>
        <translation>
Stufen (nach den Anfragen, die in ihnen begannen):
</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Stufe</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Target (req/s)</source>
        <translation>Ziel (Anf./s)</translation>
    </message>
    <message>
        <source>Target (users)</source>
        <translation>Ziel (Nutzer)</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>Anfragen</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehlschläge</translation>
    </message>
    <message>
        <source>req/s (peak)</source>
        <translation>Anf./s (Spitze)</translation>
    </message>
    <message>
        <source>users (peak)</source>
        <translation>Benutzer (Spitze)</translation>
    </message>
    <message>
        <source>Rate stages (req/s): %1
</source>
        <translation>Ratenstufen (Anf./s): %1
</translation>
    </message>
    <message>
        <source>Stages (users): %1
</source>
        <translation>Stufen (Nutzer): %1
</translation>
    </message>
    <message>
        <source>Shard %1 of %2 of a distributed run (plan %3)
</source>
        <translation>Shard %1 von %2 eines verteilten Laufs (Plan %3)
</translation>
    </message>
    <message>
        <source>PARTIAL merge of %1 of %2 shards (missing: %3), start skew %4 ms
</source>
        <translation>TEILWEISE Zusammenführung von %1 von %2 Shards (fehlend: %3), Startversatz %4 ms
</translation>
    </message>
    <message>
        <source>Merged from %1 of %2 shards%3, start skew %4 ms
</source>
        <translation>Zusammengeführt aus %1 von %2 Shards%3, Startversatz %4 ms
</translation>
    </message>
    <message>
        <source>  Goodput (%1): %2 req/s, %3 % of the streamed requests good
</source>
        <translation>  Goodput (%1): %2 Anf./s, %3 % der gestreamten Anfragen gut
</translation>
    </message>
    <message>
        <source>  Generator: busiest engine thread %1 % of a core, %2
</source>
        <translation>  Generator: meistbelasteter Engine-Thread %1 % eines Kerns, %2
</translation>
    </message>
    <message>
        <source>  Generator CPU per request: %1 µs (engine threads)
</source>
        <translation>  Generator-CPU je Anfrage: %1 µs (Engine-Threads)
</translation>
    </message>
</context>
<context>
    <name>SummaryStrip</name>
    <message>
        <source>No stalls</source>
        <translation>Kein Stillstand</translation>
    </message>
    <message>
        <source>Success rate</source>
        <translation>Erfolgsquote</translation>
    </message>
    <message>
        <source>No leak</source>
        <translation>Kein Leck</translation>
    </message>
    <message>
        <source>Metrics</source>
        <translation>Kennzahlen</translation>
    </message>
    <message>
        <source>Bottlenecks</source>
        <translation>Engpässe</translation>
    </message>
</context>
<context>
    <name>TableCopy</name>
    <message>
        <source>Copy as TSV</source>
        <translation>Als TSV kopieren</translation>
    </message>
</context>
</TS>
