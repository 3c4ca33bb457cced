// SPDX-License-Identifier: GPL-2.0-only OR MIT
/* One HTTP end over a loopback TCP pair, driven by hand as an event loop
 * would: its T1, T2, T3 come in order even when the whole response goes
 * out and is ACKed within one bb_http_io() call. */
#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "http_session.h"

static uint64_t now_tai(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_TAI, &ts);
	return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}

/* A connected loopback pair: *cli blocking, *srv non-blocking. */
static void tcp_pair(int *cli, int *srv)
{
	struct sockaddr_in a = { .sin_family = AF_INET };
	socklen_t len = sizeof(a);
	int l = socket(AF_INET, SOCK_STREAM, 0);

	assert_true(l >= 0);
	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	assert_int_equal(bind(l, (struct sockaddr *)&a, sizeof(a)), 0);
	assert_int_equal(listen(l, 1), 0);
	assert_int_equal(getsockname(l, (struct sockaddr *)&a, &len), 0);
	*cli = socket(AF_INET, SOCK_STREAM, 0);
	assert_true(*cli >= 0);
	assert_int_equal(connect(*cli, (struct sockaddr *)&a, sizeof(a)), 0);
	*srv = accept(l, NULL, NULL);
	assert_true(*srv >= 0);
	assert_int_equal(fcntl(*srv, F_SETFL, O_NONBLOCK), 0);
	close(l);
}

static void test_get_server_stamps_in_order(void **state)
{
	static const char req[] = "GET /bb?size=1000 HTTP/1.1\r\nHost: bb\r\n\r\n";
	struct bb_http_end *e = calloc(1, sizeof(*e));
	enum bb_http_state st;
	int cli, srv, i, one = 1;
	(void)state;

	assert_non_null(e);
	tcp_pair(&cli, &srv);
	bb_http_server_init(e, srv, 0, 0, now_tai());
	assert_int_equal(write(cli, req, sizeof(req) - 1), (ssize_t)sizeof(req) - 1);
	/* the request is read (T1) and the response is due */
	assert_int_equal(bb_http_io(e, EPOLLIN, now_tai()), BB_HS_SEND);
	/*
	 * Head (T2) and body go out, and the ACK of it all (T3) is seen in
	 * the same call: corked, the body waits for the FIN and goes with it
	 * in one segment, which the client ACKs at once, on loopback before
	 * the server's shutdown() returns (what a fast peer does to a
	 * response that fits the socket buffer).
	 */
	assert_int_equal(setsockopt(srv, IPPROTO_TCP, TCP_CORK, &one, sizeof(one)), 0);
	st = bb_http_io(e, EPOLLOUT, now_tai());
	/* the ACK not back yet (a delayed ACK): poll as bbctl does */
	for (i = 0; st == BB_HS_DRAIN && i < 2000; i++) {
		usleep(1000);
		st = bb_http_tick(e, now_tai());
	}
	assert_int_equal(st, BB_HS_DONE);
	assert_int_equal(e->tx_payload, 1000);
	assert_true(e->t1 && e->t2 && e->t3);
	assert_true(e->t1 < e->t2);
	assert_true(e->t2 < e->t3);
	close(cli);
	close(srv);
	free(e);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_get_server_stamps_in_order),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
