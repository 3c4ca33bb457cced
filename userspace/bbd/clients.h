/* SPDX-License-Identifier: GPL-2.0-only OR MIT */
/*
 * The clients of bbd's UNIX socket: accepted, read a line at a time, and
 * answered through a bounded queue per client, so no client can stall
 * the event loop (and with it a run's timing) or lock others out:
 *  - writes never block: a client whose unsent answers pass
 *    BBD_CLIENT_QUEUE_MAX is dropped, never waited for;
 *  - a client that neither sends nor takes anything for the idle timeout
 *    is closed, unless it is kept (the client of the run in progress);
 *  - with every slot taken, a new client takes the slot of the longest
 *    idle one that is not kept, so a new bbctl run is never locked out.
 */
#ifndef BBD_CLIENTS_H
#define BBD_CLIENTS_H

#include <stdbool.h>

#include <jansson.h>

#include "peer.h"

#define BBD_CLIENTS_MAX		32
/* Unsent bytes a client may have waiting before a new answer drops it
 * (one answer of any size is always queued: a run's record can be big). */
#define BBD_CLIENT_QUEUE_MAX	(1u << 20)
#define BBD_IDLE_DEFAULT_S	60

struct bbd_client;

struct bbd_clients_ops {
	/* one request line, without its newline */
	void (*line)(struct bbd_client *c, const char *line);
	/* the client is going away (closed by either side) */
	void (*gone)(struct bbd_client *c);
};

/* Accept on listen_fd (watched by the loop); 0 or -errno. */
int bbd_clients_start(int listen_fd, unsigned int idle_s,
		      const struct bbd_clients_ops *ops);
/* Queue one JSON object and a newline, and send what the socket takes. */
void bbd_client_send(struct bbd_client *c, json_t *o);
/* Never closed for idleness (the client of the run in progress). */
void bbd_client_keep(struct bbd_client *c, bool keep);
bool bbd_client_is_open(const struct bbd_client *c);
/* Who is at the other end (read when it connected). */
const struct bbd_peer *bbd_client_peer(const struct bbd_client *c);
void bbd_client_close(struct bbd_client *c);
void bbd_clients_close(void);

#endif
