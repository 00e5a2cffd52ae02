// SPDX-License-Identifier: GPL-3.0-or-later
/*
 * content.xml deflated as it is rendered (odt_int.h): a handout of
 * 100,000 items is half a gigabyte of XML, which is never held whole.
 *
 * With one thread the text goes through one zlib stream as it comes.
 * With more, it is cut into slices of SLICE bytes, each deflated by
 * whichever thread is free into its own piece of one raw deflate stream
 * (every slice but the last ends on a byte boundary with a sync flush, as
 * pigz does), with one CRC from crc32_combine.  The thread rendering
 * hands a full slice to the workers and goes on; when as many slices wait
 * as there are threads, it deflates one itself, so that memory stays at a
 * few slices per thread whatever the size.  The deflated pieces are kept
 * in order (a tenth of the text, or less) and libzip copies them into the
 * archive as they are (odt_deflate_source).
 */
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>
#include <zlib.h>

#include "odt.h"
#include "odt_int.h"
#include "util.h"

/* Big enough that a sync flush's few bytes and a fresh dictionary cost
 * nothing (under 0.1%), small enough that threads × slices is little. */
enum { SLICE = 4 << 20, OUT_MIN = 64 << 10 };

struct slice {
	unsigned char *in; /* freed once deflated */
	size_t len;
	bool last;
	struct strbuf out;
	uLong crc;
	int err;
};

struct odt_deflate {
	int threads; /* allowed, this one included */
	/* One thread: the single stream. */
	z_stream zs;
	bool zs_open;
	struct strbuf out;
	/* More: the slices, in order, and the one being filled. */
	struct slice **slices;
	size_t nslices, cap;
	struct strbuf cur;
	pthread_mutex_t lock;
	pthread_cond_t work, done;
	size_t next;  /* the first slice no thread has taken */
	size_t ndone; /* slices deflated */
	bool closing;
	pthread_t worker[PARALLEL_MAX];
	int nworkers;
	/* What the entry says once finished. */
	zip_uint64_t size, comp_size;
	uLong crc;
	bool finished;
	int err;
	/* Reading it back (odt_deflate_source). */
	size_t at_slice, at;
	zip_error_t error;
};

/* zlib's level 3, the best of its fast levels: half the time of level 6,
 * and 2.3 MB instead of 1.5 MB for 10,000 items. */
static int open_stream(z_stream *zs)
{
	memset(zs, 0, sizeof *zs);
	return deflateInit2(zs, 3, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) ==
		       Z_OK
		   ? 0
		   : -1;
}

/* Deflates LEN bytes of IN into OUT (grown as needed), ending with FLUSH;
 * -1 when zlib fails. */
static int feed(z_stream *zs, struct strbuf *out, const unsigned char *in,
		size_t len, int flush)
{
	size_t done = 0;
	int rc;

	do {
		/* zlib counts in uInt: at most 1 GB at a time. */
		size_t chunk =
		    len - done < (1u << 30) ? len - done : (1u << 30);
		int f = done + chunk == len ? flush : Z_NO_FLUSH;

		zs->next_in = (Bytef *)(in + done);
		zs->avail_in = (uInt)chunk;
		done += chunk;
		if (!chunk && f == Z_NO_FLUSH)
			return 0;
		do {
			if (out->cap - out->len < OUT_MIN) {
				out->cap = out->cap < OUT_MIN ? 2 * OUT_MIN
							      : 2 * out->cap;
				out->buf = xrealloc(out->buf, out->cap);
			}
			zs->next_out = (Bytef *)out->buf + out->len;
			zs->avail_out = (uInt)(out->cap - out->len);
			rc = deflate(zs, f);
			out->len = out->cap - zs->avail_out;
		} while (rc == Z_OK && zs->avail_out == 0);
		/* A flush that filled the buffer exactly, called again, has
		 * nothing left to do: Z_BUF_ERROR. */
		if (zs->avail_in ||
		    (f == Z_FINISH ? rc != Z_STREAM_END
				   : rc != Z_OK && rc != Z_BUF_ERROR))
			return -1;
	} while (done < len);
	return 0;
}

static void deflate_slice(struct slice *sl)
{
	z_stream zs;

	sl->crc = crc32_z(crc32(0L, Z_NULL, 0), sl->in, sl->len);
	if (open_stream(&zs) < 0) {
		sl->err = 1;
	} else {
		sl->out.cap = deflateBound(&zs, (uLong)sl->len) + 64;
		sl->out.buf = xmalloc(sl->out.cap);
		if (feed(&zs, &sl->out, sl->in, sl->len,
			 sl->last ? Z_FINISH : Z_SYNC_FLUSH) < 0)
			sl->err = 1;
		deflateEnd(&zs);
	}
	free(sl->in);
	sl->in = NULL;
}

/* Takes the next slice waiting and deflates it; called with D->lock
 * held, which it lets go meanwhile.  False when none waits. */
static bool take_one(struct odt_deflate *d)
{
	struct slice *sl;

	if (d->next == d->nslices)
		return false;
	sl = d->slices[d->next++];
	pthread_mutex_unlock(&d->lock);
	deflate_slice(sl);
	pthread_mutex_lock(&d->lock);
	if (++d->ndone == d->nslices)
		pthread_cond_broadcast(&d->done);
	return true;
}

static void *worker(void *arg)
{
	struct odt_deflate *d = arg;

	pthread_mutex_lock(&d->lock);
	for (;;) {
		if (take_one(d))
			continue;
		if (d->closing)
			break;
		pthread_cond_wait(&d->work, &d->lock);
	}
	pthread_mutex_unlock(&d->lock);
	return NULL;
}

/* Starts the workers with the first slice: a small handout needs none.
 * Signals go to the main thread, whose handlers remove the temporary
 * file (tempfile.h). */
static void start_workers(struct odt_deflate *d)
{
	sigset_t all, old;

	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	while (d->nworkers < d->threads - 1 &&
	       !pthread_create(&d->worker[d->nworkers], NULL, worker, d))
		d->nworkers++;
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

/* Hands the slice being filled to the workers. */
static void dispatch(struct odt_deflate *d, bool last)
{
	struct slice *sl = xcalloc(1, sizeof *sl);

	sl->len = d->cur.len;
	sl->in = (unsigned char *)sb_steal(&d->cur);
	sl->last = last;
	if (!d->nworkers && !last)
		start_workers(d);
	pthread_mutex_lock(&d->lock);
	d->slices =
	    xgrow(d->slices, d->nslices, &d->cap, 64, sizeof *d->slices);
	d->slices[d->nslices++] = sl;
	pthread_cond_signal(&d->work);
	/* Too many waiting (or no worker): this thread lends a hand. */
	while (d->nslices - d->next > (size_t)d->nworkers && take_one(d))
		;
	pthread_mutex_unlock(&d->lock);
}

struct odt_deflate *odt_deflate_new(void)
{
	struct odt_deflate *d = xcalloc(1, sizeof *d);

	d->threads = threads_allowed(PARALLEL_MAX);
	d->crc = crc32(0L, Z_NULL, 0);
	pthread_mutex_init(&d->lock, NULL);
	pthread_cond_init(&d->work, NULL);
	pthread_cond_init(&d->done, NULL);
	zip_error_init(&d->error);
	return d;
}

int odt_deflate_write(struct odt_deflate *d, const char *buf, size_t len)
{
	if (d->finished || d->err)
		return -1;
	d->size += len;
	if (d->threads == 1) {
		/* A raw stream keeps no check of its own. */
		d->crc = crc32_z(d->crc, (const unsigned char *)buf, len);
		if (!d->zs_open && open_stream(&d->zs) < 0) {
			d->err = 1;
			return -1;
		}
		d->zs_open = true;
		if (feed(&d->zs, &d->out, (const unsigned char *)buf, len,
			 Z_NO_FLUSH) < 0)
			d->err = 1;
		return d->err ? -1 : 0;
	}
	while (len) {
		size_t n;

		/* A full slice goes when more comes: only then is it
		 * known not to be the last. */
		if (d->cur.len == SLICE)
			dispatch(d, false);
		if (!d->cur.buf) {
			d->cur.cap = SLICE + 1;
			d->cur.buf = xmalloc(d->cur.cap);
		}
		n = SLICE - d->cur.len < len ? SLICE - d->cur.len : len;
		sb_add(&d->cur, buf, n);
		buf += n;
		len -= n;
	}
	return 0;
}

/* Waits for the workers (they finish what was handed to them) and
 * lets them go. */
static void stop_workers(struct odt_deflate *d)
{
	int k;

	pthread_mutex_lock(&d->lock);
	d->closing = true;
	pthread_cond_broadcast(&d->work);
	while (take_one(d))
		;
	while (d->ndone < d->nslices)
		pthread_cond_wait(&d->done, &d->lock);
	pthread_mutex_unlock(&d->lock);
	for (k = 0; k < d->nworkers; k++)
		pthread_join(d->worker[k], NULL);
	d->nworkers = 0;
}

int odt_deflate_finish(struct odt_deflate *d)
{
	size_t k;

	if (d->finished)
		return d->err ? -1 : 0;
	d->finished = true;
	if (d->err)
		return -1;
	if (d->threads == 1) {
		if (!d->zs_open && open_stream(&d->zs) < 0)
			return d->err = 1, -1;
		d->zs_open = true;
		if (feed(&d->zs, &d->out, NULL, 0, Z_FINISH) < 0)
			return d->err = 1, -1;
		d->comp_size = d->out.len;
		return 0;
	}
	dispatch(d, true);
	stop_workers(d);
	d->crc = crc32(0L, Z_NULL, 0);
	for (k = 0; k < d->nslices; k++) {
		d->err |= d->slices[k]->err;
		d->comp_size += d->slices[k]->out.len;
		d->crc = crc32_combine(d->crc, d->slices[k]->crc,
				       (z_off_t)d->slices[k]->len);
	}
	return d->err ? -1 : 0;
}

void odt_deflate_free(struct odt_deflate *d)
{
	size_t k;

	if (!d)
		return;
	if (d->nworkers)
		stop_workers(d);
	if (d->zs_open)
		deflateEnd(&d->zs);
	sb_free(&d->out);
	sb_free(&d->cur);
	for (k = 0; k < d->nslices; k++) {
		free(d->slices[k]->in);
		sb_free(&d->slices[k]->out);
		free(d->slices[k]);
	}
	free(d->slices);
	pthread_mutex_destroy(&d->lock);
	pthread_cond_destroy(&d->work);
	pthread_cond_destroy(&d->done);
	zip_error_fini(&d->error);
	free(d);
}

/* The deflated pieces in order: the single stream, or the slices. */
static const struct strbuf *piece(const struct odt_deflate *d, size_t k)
{
	if (d->threads == 1)
		return k ? NULL : &d->out;
	return k < d->nslices ? &d->slices[k]->out : NULL;
}

/* A libzip source that hands out D's bytes as deflated data. */
static zip_int64_t source(void *state, void *data, zip_uint64_t len,
			  zip_source_cmd_t cmd)
{
	struct odt_deflate *d = state;
	const struct strbuf *p;
	zip_uint64_t n = 0, k;
	zip_stat_t *st;

	switch (cmd) {
	case ZIP_SOURCE_OPEN:
		d->at_slice = d->at = 0;
		return 0;
	case ZIP_SOURCE_READ:
		while (n < len && (p = piece(d, d->at_slice))) {
			k = p->len - d->at < len - n ? p->len - d->at : len - n;
			memcpy((char *)data + n, p->buf + d->at, k);
			n += k;
			d->at += k;
			if (d->at == p->len) {
				d->at_slice++;
				d->at = 0;
			}
		}
		return (zip_int64_t)n;
	case ZIP_SOURCE_CLOSE:
	case ZIP_SOURCE_FREE:
		return 0;
	case ZIP_SOURCE_STAT:
		if (len < sizeof *st)
			break;
		st = data;
		zip_stat_init(st);
		st->valid = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE |
			    ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC |
			    ZIP_STAT_ENCRYPTION_METHOD;
		st->size = d->size;
		st->comp_size = d->comp_size;
		st->comp_method = ZIP_CM_DEFLATE;
		st->encryption_method = ZIP_EM_NONE;
		st->crc = (zip_uint32_t)d->crc;
		return sizeof *st;
	case ZIP_SOURCE_ERROR:
		return zip_error_to_data(&d->error, data, len);
	case ZIP_SOURCE_SUPPORTS:
		return zip_source_make_command_bitmap(
		    ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
		    ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
	default:
		break;
	}
	zip_error_set(&d->error, ZIP_ER_OPNOTSUPP, 0);
	return -1;
}

zip_source_t *odt_deflate_source(zip_t *z, struct odt_deflate *d)
{
	return zip_source_function(z, source, d);
}

int odt_content_write(void *odt, const char *buf, size_t len)
{
	struct odt *t = odt;

	if (!t->content_z)
		t->content_z = odt_deflate_new();
	if (odt_deflate_write(t->content_z, buf, len) < 0)
		return error(_("%s: cannot compress content.xml"), t->name);
	return 0;
}
