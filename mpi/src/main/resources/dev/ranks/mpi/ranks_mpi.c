/*
 * The mpi device's JNI shim: compiled on first use with the MPI implementation's own mpicc
 * against its mpi.h (see NativeShim.java), as mpi4py compiles against the local MPI.
 *
 * Communicators and requests are handed to Java as addresses of records allocated here, so that
 * Java never sees an MPI handle: Open MPI's handles are pointers, MPICH's are ints.
 *
 * Every message on a communicator's main MPI communicator starts with a 16-byte header (kind,
 * element type, count); small messages carry their data right behind it, large ones send their
 * data on the communicator's "aux" MPI communicator with the same tag (see MpiEndpoint.java).
 */
#define _GNU_SOURCE
#include <jni.h>
#include <mpi.h>
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#ifdef RANKS_BOOT
/*
 * The boot library, built from this file with -DRANKS_BOOT and loaded before the shim itself: it
 * links no MPI, so it runs before the MPI library (and UCX under it) is loaded. The JVM takes
 * SIGSEGV for its own null checks; UCX installs its error handlers as it loads and would end the
 * process on the first of them. UCX reads UCX_ERROR_SIGNALS then, so it must be set first; a value
 * the user set stays.
 */
JNIEXPORT void JNICALL Java_dev_ranks_mpi_MpiNative_protectSignals(JNIEnv *env, jclass c) {
    setenv("UCX_ERROR_SIGNALS", "", 0);
}
#else

#define HEADER 16
/* The largest reduction (in bytes) staged or made by a direct call rather than handed to MPI in place. */
#define SMALL_REDUCTION 256
/* Header kinds; MpiEndpoint.java has the same numbers. */
#define KIND_INLINE 0
#define KIND_LARGE 1
#define KIND_OBJECT_INLINE 2
#define KIND_OBJECT_LARGE 3
#define KIND_NULL 4
/* ElementType ordinals. */
#define T_BYTE 0
#define T_SHORT 1
#define T_INT 2
#define T_LONG 3
#define T_FLOAT 4
#define T_DOUBLE 5
#define T_CHAR 6
#define T_BOOLEAN 7
#define T_OBJECT 8

typedef struct { MPI_Comm comm; } rcomm;
typedef struct { MPI_Request request; } rrequest;

static const int element_bytes[] = {1, 2, 4, 8, 4, 8, 2, 1, 1};

static MPI_Datatype datatype(int type) {
    switch (type) {
    case T_BYTE: return MPI_SIGNED_CHAR;
    case T_SHORT: return MPI_SHORT;
    case T_INT: return MPI_INT32_T;
    case T_LONG: return MPI_INT64_T;
    case T_FLOAT: return MPI_FLOAT;
    case T_DOUBLE: return MPI_DOUBLE;
    case T_CHAR: return MPI_UINT16_T;
    case T_BOOLEAN: return MPI_C_BOOL;
    default: return MPI_BYTE;
    }
}

/* NativeOp ordinals. */
static MPI_Op operation(int op) {
    switch (op) {
    case 0: return MPI_SUM;
    case 1: return MPI_PROD;
    case 2: return MPI_MAX;
    case 3: return MPI_MIN;
    case 4: return MPI_LAND;
    case 5: return MPI_LOR;
    case 6: return MPI_LXOR;
    case 7: return MPI_BAND;
    case 8: return MPI_BOR;
    default: return MPI_BXOR;
    }
}

static MPI_Comm comm_of(jlong handle) {
    return handle == 0 ? MPI_COMM_WORLD : ((rcomm *) (intptr_t) handle)->comm;
}

/* Copies count elements of a Java primitive array, from element offset, to dst. */
static void get_region(JNIEnv *env, int type, jobject array, jint offset, jint count, void *dst) {
    switch (type) {
    case T_BYTE: (*env)->GetByteArrayRegion(env, array, offset, count, dst); break;
    case T_SHORT: (*env)->GetShortArrayRegion(env, array, offset, count, dst); break;
    case T_INT: (*env)->GetIntArrayRegion(env, array, offset, count, dst); break;
    case T_LONG: (*env)->GetLongArrayRegion(env, array, offset, count, dst); break;
    case T_FLOAT: (*env)->GetFloatArrayRegion(env, array, offset, count, dst); break;
    case T_DOUBLE: (*env)->GetDoubleArrayRegion(env, array, offset, count, dst); break;
    case T_CHAR: (*env)->GetCharArrayRegion(env, array, offset, count, dst); break;
    case T_BOOLEAN: (*env)->GetBooleanArrayRegion(env, array, offset, count, dst); break;
    }
}

static void set_region(JNIEnv *env, int type, jobject array, jint offset, jint count, const void *src) {
    switch (type) {
    case T_BYTE: (*env)->SetByteArrayRegion(env, array, offset, count, src); break;
    case T_SHORT: (*env)->SetShortArrayRegion(env, array, offset, count, src); break;
    case T_INT: (*env)->SetIntArrayRegion(env, array, offset, count, src); break;
    case T_LONG: (*env)->SetLongArrayRegion(env, array, offset, count, src); break;
    case T_FLOAT: (*env)->SetFloatArrayRegion(env, array, offset, count, src); break;
    case T_DOUBLE: (*env)->SetDoubleArrayRegion(env, array, offset, count, src); break;
    case T_CHAR: (*env)->SetCharArrayRegion(env, array, offset, count, src); break;
    case T_BOOLEAN: (*env)->SetBooleanArrayRegion(env, array, offset, count, src); break;
    }
}

static void put_header(void *at, int kind, int type, int64_t count) {
    int32_t *h = at;
    h[0] = kind;
    h[1] = type;
    memcpy((char *) at + 8, &count, 8);
}

/*
 * The element count of the inline message in buffer when it is of type and fits capacity
 * elements, so that its elements are to be copied into the receive's array; else -1 (another kind
 * or type, or too many: the receive reports that from the header).
 */
static int64_t deliverable(const char *buffer, int type, int64_t capacity) {
    const int32_t *h = (const int32_t *) buffer;
    int64_t count;
    memcpy(&count, buffer + 8, 8);
    return h[0] == KIND_INLINE && h[1] == type && count <= capacity ? count : -1;
}

/* A receive's outcome, as MpiNative.STATUS ints: source, tag, header kind, type, count, code, bytes. */
static void fill_status(int32_t *st, const MPI_Status *status, const void *header, int rc) {
    int bytes = 0;
    st[0] = status->MPI_SOURCE;
    st[1] = status->MPI_TAG;
    if (header != NULL) {
        int64_t count;
        st[2] = ((const int32_t *) header)[0];
        st[3] = ((const int32_t *) header)[1];
        memcpy(&count, (const char *) header + 8, 8);
        st[4] = (int32_t) count;
    } else {
        st[2] = st[3] = st[4] = 0;
    }
    st[5] = rc;
    MPI_Get_count(status, MPI_BYTE, &bytes);
    st[6] = bytes;
}

static void report(JNIEnv *env, jintArray out, const MPI_Status *status, const void *header, int rc) {
    jint st[7];
    fill_status(st, status, header, rc);
    (*env)->SetIntArrayRegion(env, out, 0, 7, st);
}

#define NATIVE(ret, name) JNIEXPORT ret JNICALL Java_dev_ranks_mpi_MpiNative_##name

NATIVE(jint, init)(JNIEnv *env, jclass c, jint required) {
    /* The JVM loads this library (and with it libmpi) without RTLD_GLOBAL; the implementation's
       plugins then miss libmpi's symbols. Promote libmpi to the global namespace first, as mpi4py does. */
    Dl_info info;
    int provided = 0, rc, initialized = 0;
    if (dladdr((void *) MPI_Init_thread, &info) && info.dli_fname != NULL) {
        dlopen(info.dli_fname, RTLD_NOW | RTLD_GLOBAL | RTLD_NOLOAD);
    }
    MPI_Initialized(&initialized);
    if (initialized) {
        MPI_Query_thread(&provided);
        return provided;
    }
    rc = MPI_Init_thread(NULL, NULL, required, &provided);
    if (rc != MPI_SUCCESS) {
        return -rc;
    }
    MPI_Comm_set_errhandler(MPI_COMM_WORLD, MPI_ERRORS_RETURN);
    return provided;
}

NATIVE(jint, anySource)(JNIEnv *env, jclass c) {
    return MPI_ANY_SOURCE;
}

NATIVE(jint, anyTag)(JNIEnv *env, jclass c) {
    return MPI_ANY_TAG;
}

NATIVE(jint, worldRank)(JNIEnv *env, jclass c) {
    int r = -1;
    MPI_Comm_rank(MPI_COMM_WORLD, &r);
    return r;
}

NATIVE(jint, worldSize)(JNIEnv *env, jclass c) {
    int s = 0;
    MPI_Comm_size(MPI_COMM_WORLD, &s);
    return s;
}

NATIVE(jint, tagUpperBound)(JNIEnv *env, jclass c) {
    int *value = NULL, flag = 0;
    MPI_Comm_get_attr(MPI_COMM_WORLD, MPI_TAG_UB, &value, &flag);
    return flag && value != NULL ? *value : 32767;
}

NATIVE(jstring, libraryVersion)(JNIEnv *env, jclass c) {
    char text[MPI_MAX_LIBRARY_VERSION_STRING];
    int length = 0;
    MPI_Get_library_version(text, &length);
    text[length < MPI_MAX_LIBRARY_VERSION_STRING ? length : MPI_MAX_LIBRARY_VERSION_STRING - 1] = 0;
    return (*env)->NewStringUTF(env, text);
}

NATIVE(jstring, errorString)(JNIEnv *env, jclass c, jint code) {
    char text[MPI_MAX_ERROR_STRING];
    int length = 0;
    if (MPI_Error_string(code, text, &length) != MPI_SUCCESS) {
        return (*env)->NewStringUTF(env, "unknown MPI error");
    }
    text[length < MPI_MAX_ERROR_STRING ? length : MPI_MAX_ERROR_STRING - 1] = 0;
    return (*env)->NewStringUTF(env, text);
}

NATIVE(void, finish)(JNIEnv *env, jclass c) {
    MPI_Finalize();
}

NATIVE(void, abortJob)(JNIEnv *env, jclass c, jint code) {
    MPI_Abort(MPI_COMM_WORLD, code);
}

NATIVE(jdouble, wtime)(JNIEnv *env, jclass c) {
    return MPI_Wtime();
}

/* ------------------------------------------------------------------ communicators */

static jlong wrap(MPI_Comm comm) {
    rcomm *r = malloc(sizeof(rcomm));
    r->comm = comm;
    MPI_Comm_set_errhandler(comm, MPI_ERRORS_RETURN);
    return (jlong) (intptr_t) r;
}

NATIVE(jint, commDup)(JNIEnv *env, jclass c, jlong parent, jlongArray out) {
    MPI_Comm comm;
    int rc = MPI_Comm_dup(comm_of(parent), &comm);
    if (rc == MPI_SUCCESS) {
        jlong h = wrap(comm);
        (*env)->SetLongArrayRegion(env, out, 0, 1, &h);
    }
    return rc;
}

NATIVE(jint, commCreateGroup)(JNIEnv *env, jclass c, jlong parent, jintArray members, jint tag, jlongArray out) {
    MPI_Group world, group;
    MPI_Comm comm;
    jsize n = (*env)->GetArrayLength(env, members);
    jint *ranks = (*env)->GetIntArrayElements(env, members, NULL);
    int rc = MPI_Comm_group(comm_of(parent), &world);
    if (rc == MPI_SUCCESS) {
        rc = MPI_Group_incl(world, n, (int *) ranks, &group);
        if (rc == MPI_SUCCESS) {
            rc = MPI_Comm_create_group(comm_of(parent), group, tag, &comm);
            MPI_Group_free(&group);
        }
        MPI_Group_free(&world);
    }
    (*env)->ReleaseIntArrayElements(env, members, ranks, JNI_ABORT);
    if (rc == MPI_SUCCESS) {
        jlong h = wrap(comm);
        (*env)->SetLongArrayRegion(env, out, 0, 1, &h);
    }
    return rc;
}

/* ------------------------------------------------------------------ native memory */

NATIVE(jlong, allocate)(JNIEnv *env, jclass c, jlong bytes) {
    return (jlong) (intptr_t) malloc(bytes > 0 ? (size_t) bytes : 1);
}

NATIVE(void, release)(JNIEnv *env, jclass c, jlong address) {
    free((void *) (intptr_t) address);
}

/* A direct buffer over bytes of native memory at address, for Java to read and write (Staging.java). */
NATIVE(jobject, wrap)(JNIEnv *env, jclass c, jlong address, jlong bytes) {
    return (*env)->NewDirectByteBuffer(env, (void *) (intptr_t) address, bytes);
}

/* Copies array elements to native memory at address + at. */
NATIVE(void, put)(JNIEnv *env, jclass c, jlong address, jint at, jint type, jobject array, jint offset, jint count) {
    get_region(env, type, array, offset, count, (char *) (intptr_t) address + at);
}

/* Copies native memory at address + at into array elements. */
NATIVE(void, get)(JNIEnv *env, jclass c, jlong address, jint at, jint type, jobject array, jint offset, jint count) {
    set_region(env, type, array, offset, count, (const char *) (intptr_t) address + at);
}

NATIVE(void, putHeader)(JNIEnv *env, jclass c, jlong address, jint kind, jint type, jint count) {
    put_header((void *) (intptr_t) address, kind, type, count);
}

/* ------------------------------------------------------------------ blocking point-to-point */

/* Whether an MPI error code is a truncation: the message was longer than the buffer. */
static int truncated(int rc) {
    int cls = rc;
    if (rc == MPI_SUCCESS) {
        return 0;
    }
    MPI_Error_class(rc, &cls);
    return cls == MPI_ERR_TRUNCATE;
}

/* A datatype of the header at header followed by count elements at data: one message, no copy. */
static MPI_Datatype header_and(const void *header, const void *data, int type, int count) {
    int lengths[2] = {HEADER, count};
    MPI_Aint displacements[2];
    MPI_Datatype types[2] = {MPI_BYTE, datatype(type)};
    MPI_Datatype result;
    MPI_Get_address(header, &displacements[0]);
    MPI_Get_address(data, &displacements[1]);
    MPI_Type_create_struct(2, lengths, displacements, types, &result);
    MPI_Type_commit(&result);
    return result;
}

/*
 * Sends count elements of a primitive array too large for staging as one message: the header (in
 * staging) and the array itself through a datatype. Small ones go through sendStaged.
 */
NATIVE(jint, send)(JNIEnv *env, jclass c, jlong comm, jint dest, jint tag, jint type, jobject array, jint offset,
                   jint count, jboolean synchronous, jlong staging) {
    char *buffer = (char *) (intptr_t) staging;
    int rc;
    put_header(buffer, KIND_LARGE, type, count);
    char *data = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    MPI_Datatype whole = header_and(buffer, data + (size_t) offset * element_bytes[type], type, count);
    rc = synchronous ? MPI_Ssend(MPI_BOTTOM, 1, whole, dest, tag, comm_of(comm))
                     : MPI_Send(MPI_BOTTOM, 1, whole, dest, tag, comm_of(comm));
    (*env)->ReleasePrimitiveArrayCritical(env, array, data, JNI_ABORT);
    MPI_Type_free(&whole);
    return rc;
}

/*
 * Receives one message into a primitive array whose room does not fit staging (smaller ones go
 * through recvStaged): after MPI_Mprobe has found the message, a small one into staging (then
 * copied in when the header says it is elements of the expected type that fit), a large one
 * straight into the array behind the header. A message too long for its buffer is received whole
 * into scratch memory and dropped. Reports the header in st; st's error is the truncation code
 * when the message did not fit.
 */
NATIVE(jint, recv)(JNIEnv *env, jclass c, jlong comm, jint source, jint tag, jint type, jobject array, jint offset,
                   jint capacity, jlong staging, jint stagingBytes, jintArray st) {
    char *buffer = (char *) (intptr_t) staging;
    int64_t room = (int64_t) capacity * element_bytes[type];
    int64_t count;
    MPI_Status status;
    MPI_Message message;
    int rc, bytes = 0;
    rc = MPI_Mprobe(source, tag, comm_of(comm), &message, &status);
    if (rc != MPI_SUCCESS) {
        report(env, st, &status, NULL, rc);
        return rc;
    }
    MPI_Get_count(&status, MPI_BYTE, &bytes);
    if (bytes <= stagingBytes) {
        rc = MPI_Mrecv(buffer, stagingBytes, MPI_BYTE, &message, &status);
    } else if (bytes - HEADER <= room) {
        char *target = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
        MPI_Datatype whole = header_and(buffer, target + (size_t) offset * element_bytes[type], type, capacity);
        rc = MPI_Mrecv(MPI_BOTTOM, 1, whole, &message, &status);
        MPI_Type_free(&whole);
        (*env)->ReleasePrimitiveArrayCritical(env, array, target, 0);
        report(env, st, &status, buffer, rc);
        return rc;
    } else {
        char *scratch = malloc(bytes);
        rc = MPI_Mrecv(scratch, bytes, MPI_BYTE, &message, &status);
        memcpy(buffer, scratch, HEADER);
        free(scratch);
        report(env, st, &status, buffer, rc);
        return rc;
    }
    count = deliverable(buffer, type, capacity);
    if (rc == MPI_SUCCESS && count >= 0) {
        set_region(env, type, array, offset, (jint) count, buffer + HEADER);
    }
    report(env, st, &status, buffer, truncated(rc) ? rc : MPI_SUCCESS);
    return MPI_SUCCESS;
}

/*
 * The staged forms of send and recv (Staging.java): Java has written the header and elements into
 * staging, or reads them from there after the receive, which leaves its status as MpiNative.STATUS
 * ints at staging + stagingBytes. Only numbers cross JNI: no array handles, no calls back into the
 * JVM to copy.
 */
NATIVE(jint, sendStaged)(JNIEnv *env, jclass c, jlong comm, jint dest, jint tag, jlong staging, jint bytes,
                         jboolean synchronous) {
    void *buffer = (void *) (intptr_t) staging;
    return synchronous ? MPI_Ssend(buffer, bytes, MPI_BYTE, dest, tag, comm_of(comm))
                       : MPI_Send(buffer, bytes, MPI_BYTE, dest, tag, comm_of(comm));
}

NATIVE(jint, recvStaged)(JNIEnv *env, jclass c, jlong comm, jint source, jint tag, jlong staging,
                         jint stagingBytes) {
    char *buffer = (char *) (intptr_t) staging;
    int32_t *st = (int32_t *) (buffer + stagingBytes);
    MPI_Status status;
    int rc;
    /* A library that truncates a message may deliver none of it (MPICH): mark the header unread. */
    put_header(buffer, -1, -1, -1);
    rc = MPI_Recv(buffer, stagingBytes, MPI_BYTE, source, tag, comm_of(comm), &status);
    if (rc != MPI_SUCCESS && !truncated(rc)) {
        fill_status(st, &status, NULL, rc);
        return rc;
    }
    fill_status(st, &status, buffer, rc);
    return MPI_SUCCESS;
}

/* Receives a large object's bytes from aux into a byte[] (see MpiRequest). */
NATIVE(jint, recvData)(JNIEnv *env, jclass c, jlong aux, jint source, jint tag, jbyteArray array, jint count) {
    MPI_Status status;
    char *target = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    int rc = MPI_Recv(target, count, MPI_BYTE, source, tag, comm_of(aux), &status);
    (*env)->ReleasePrimitiveArrayCritical(env, array, target, 0);
    return rc;
}

/*
 * Takes the oldest message from source (or any source) on any tag, without a receive naming it:
 * MPI_Mprobe (or MPI_Improbe when block is false) and MPI_Mrecv into memory allocated here, whose
 * address goes to out[0] (the caller frees it). Reports it in st and returns 1, or returns 0 when
 * block is false and there is none. Probing uses it to read a message's header (see MpiEndpoint).
 */
NATIVE(jint, take)(JNIEnv *env, jclass c, jlong comm, jint source, jboolean block, jintArray st, jlongArray out) {
    MPI_Message message;
    MPI_Status status;
    int found = 1, rc, bytes = 0;
    char *buffer;
    jlong address;
    if (block) {
        rc = MPI_Mprobe(source, MPI_ANY_TAG, comm_of(comm), &message, &status);
    } else {
        rc = MPI_Improbe(source, MPI_ANY_TAG, comm_of(comm), &found, &message, &status);
    }
    if (rc != MPI_SUCCESS) {
        report(env, st, &status, NULL, rc);
        return -rc;
    }
    if (!found) {
        return 0;
    }
    MPI_Get_count(&status, MPI_BYTE, &bytes);
    buffer = malloc(bytes > HEADER ? bytes : HEADER);
    rc = MPI_Mrecv(buffer, bytes, MPI_BYTE, &message, &status);
    report(env, st, &status, rc == MPI_SUCCESS ? buffer : NULL, rc);
    address = (jlong) (intptr_t) buffer;
    (*env)->SetLongArrayRegion(env, out, 0, 1, &address);
    return rc == MPI_SUCCESS ? 1 : -rc;
}

/* ------------------------------------------------------------------ non-blocking point-to-point */

static jint started(JNIEnv *env, rrequest *r, int rc, jlongArray out) {
    if (rc != MPI_SUCCESS) {
        free(r);
        return rc;
    }
    jlong h = (jlong) (intptr_t) r;
    (*env)->SetLongArrayRegion(env, out, 0, 1, &h);
    return rc;
}

/* Starts sending bytes of native memory (a header and inline data, or large data). */
NATIVE(jint, isend)(JNIEnv *env, jclass c, jlong comm, jint dest, jint tag, jlong address, jint count, jint type,
                    jboolean synchronous, jlongArray out) {
    rrequest *r = malloc(sizeof(rrequest));
    MPI_Datatype dt = type < 0 ? MPI_BYTE : datatype(type);
    int rc = synchronous ? MPI_Issend((void *) (intptr_t) address, count, dt, dest, tag, comm_of(comm), &r->request)
                         : MPI_Isend((void *) (intptr_t) address, count, dt, dest, tag, comm_of(comm), &r->request);
    return started(env, r, rc, out);
}

/* Starts receiving into native memory; type < 0 receives bytes. */
NATIVE(jint, irecv)(JNIEnv *env, jclass c, jlong comm, jint source, jint tag, jlong address, jint count, jint type,
                    jlongArray out) {
    rrequest *r = malloc(sizeof(rrequest));
    MPI_Datatype dt = type < 0 ? MPI_BYTE : datatype(type);
    int rc = MPI_Irecv((void *) (intptr_t) address, count, dt, source, tag, comm_of(comm), &r->request);
    return started(env, r, rc, out);
}

/*
 * Tests (or, when block, waits for) a request; when it completed, frees it, reports its status
 * (reading a header at header when that is not 0) and returns 1; otherwise returns 0.
 */
NATIVE(jint, complete)(JNIEnv *env, jclass c, jlong request, jboolean block, jlong header, jintArray st) {
    rrequest *r = (rrequest *) (intptr_t) request;
    MPI_Status status;
    int flag = 1, rc;
    rc = block ? MPI_Wait(&r->request, &status) : MPI_Test(&r->request, &flag, &status);
    if (truncated(rc)) {
        /* The buffer holds the header: the receive reports the truncation with its counts. */
        report(env, st, &status, header != 0 ? (void *) (intptr_t) header : NULL, rc);
        free(r);
        return 1;
    }
    if (rc != MPI_SUCCESS) {
        report(env, st, &status, NULL, rc);
        free(r);
        return -rc;
    }
    if (!flag) {
        return 0;
    }
    report(env, st, &status, header != 0 ? (void *) (intptr_t) header : NULL, rc);
    free(r);
    return 1;
}

/* Cancels a receive; returns 1 when it was cancelled before matching, 0 when it had matched (and is now complete). */
NATIVE(jint, cancel)(JNIEnv *env, jclass c, jlong request, jlong header, jintArray st) {
    rrequest *r = (rrequest *) (intptr_t) request;
    MPI_Status status;
    int cancelled = 0;
    MPI_Cancel(&r->request);
    MPI_Wait(&r->request, &status);
    MPI_Test_cancelled(&status, &cancelled);
    report(env, st, &status, cancelled || header == 0 ? NULL : (void *) (intptr_t) header, MPI_SUCCESS);
    free(r);
    return cancelled;
}

/* ------------------------------------------------------------------ collectives */

#define IN_PLACE(send, soff, recv, roff) ((*env)->IsSameObject(env, send, recv) && (soff) == (roff))

NATIVE(jint, barrier)(JNIEnv *env, jclass c, jlong comm) {
    return MPI_Barrier(comm_of(comm));
}

NATIVE(jint, bcast)(JNIEnv *env, jclass c, jlong comm, jint root, jint type, jobject array, jint offset, jint count) {
    char *data = (*env)->GetPrimitiveArrayCritical(env, array, NULL);
    int rc = MPI_Bcast(data + (size_t) offset * element_bytes[type], count, datatype(type), root, comm_of(comm));
    (*env)->ReleasePrimitiveArrayCritical(env, array, data, 0);
    return rc;
}

/*
 * MPI_Allreduce (root < 0) or MPI_Reduce of count elements from in into out, which only the root
 * of a reduce writes; inPlace when in and out are the same range.
 */
static int reduce_buffers(jlong comm, int root, int type, int op, const void *in, void *out, int count,
                          int inPlace) {
    int rank = 0, here;
    if (root < 0) {
        return MPI_Allreduce(inPlace ? MPI_IN_PLACE : in, out, count, datatype(type), operation(op), comm_of(comm));
    }
    MPI_Comm_rank(comm_of(comm), &rank);
    here = rank == root;
    return MPI_Reduce(inPlace && here ? MPI_IN_PLACE : in, here ? out : NULL, count, datatype(type), operation(op),
                      root, comm_of(comm));
}

/*
 * MPI_Reduce (when root >= 0) or MPI_Allreduce (root < 0) in place on the Java arrays, under
 * critical access; recv may be null at a reduce's non-roots. Small vectors (a residual, a dot
 * product) go through reduceStaged or a direct call instead: cheaper than two critical sections.
 */
NATIVE(jint, reduce)(JNIEnv *env, jclass c, jlong comm, jint root, jint type, jint op, jobject send, jint sendOffset,
                     jobject recv, jint recvOffset, jint count) {
    int elem = element_bytes[type], rc;
    int inPlace = recv != NULL && IN_PLACE(send, sendOffset, recv, recvOffset);
    char *in = (*env)->GetPrimitiveArrayCritical(env, send, NULL);
    char *out = recv == NULL || inPlace ? in : (*env)->GetPrimitiveArrayCritical(env, recv, NULL);
    rc = reduce_buffers(comm, root, type, op, in + (size_t) sendOffset * elem, out + (size_t) recvOffset * elem, count,
                        inPlace);
    if (out != in) {
        (*env)->ReleasePrimitiveArrayCritical(env, recv, out, 0);
    }
    (*env)->ReleasePrimitiveArrayCritical(env, send, in, inPlace ? 0 : JNI_ABORT);
    return rc;
}

/* A small reduction staged by Java (Staging.java): count elements at staging, the result to staging + SMALL_REDUCTION. */
NATIVE(jint, reduceStaged)(JNIEnv *env, jclass c, jlong comm, jint root, jint type, jint op, jlong staging,
                           jint count) {
    char *buffer = (char *) (intptr_t) staging;
    return reduce_buffers(comm, root, type, op, buffer, buffer + SMALL_REDUCTION, count, 0);
}

/*
 * kind 0 allgather, 1 gather, 2 scatter, 3 alltoall. send or recv may be null where the
 * collective ignores it (gather's recv and scatter's send away from the root); the same array as
 * both means in place for allgather and gather (Java copies any other aliased send first).
 */
NATIVE(jint, exchange)(JNIEnv *env, jclass c, jlong comm, jint kind, jint root, jint type, jobject send,
                       jint sendOffset, jint count, jobject recv, jint recvOffset) {
    int elem = element_bytes[type], rc;
    MPI_Datatype dt = datatype(type);
    MPI_Comm cm = comm_of(comm);
    int same = send != NULL && recv != NULL && (*env)->IsSameObject(env, send, recv);
    char *in = send == NULL ? NULL : (*env)->GetPrimitiveArrayCritical(env, send, NULL);
    char *out = recv == NULL ? NULL : same ? in : (*env)->GetPrimitiveArrayCritical(env, recv, NULL);
    void *s = in == NULL ? NULL : in + (size_t) sendOffset * elem;
    void *r = out == NULL ? NULL : out + (size_t) recvOffset * elem;
    /* One array for both: the block is in place already (see MpiCollectives.exchange). */
    if (same && (kind == 0 || kind == 1)) {
        s = MPI_IN_PLACE;
    }
    switch (kind) {
    case 0: rc = MPI_Allgather(s, count, dt, r, count, dt, cm); break;
    case 1: rc = MPI_Gather(s, count, dt, r, count, dt, root, cm); break;
    case 2: rc = MPI_Scatter(s, count, dt, r, count, dt, root, cm); break;
    default: rc = MPI_Alltoall(s, count, dt, r, count, dt, cm); break;
    }
    if (out != NULL && out != in) {
        (*env)->ReleasePrimitiveArrayCritical(env, recv, out, 0);
    }
    if (in != NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, send, in, same ? 0 : JNI_ABORT);
    }
    return rc;
}

/* ------------------------------------------------------------------ direct calls (FFM, Java 22+)
 *
 * Plain C functions that DirectCalls.java calls through the FFM API with
 * Linker.Option.critical(true): no switch to native state and Java arrays passed by address, which
 * takes most of a JNI call's cost off a small message. While such a call runs, the JVM cannot
 * reach a safepoint (no GC, in any thread), so these never wait for long: they try a bounded
 * number of times and hand back what is unfinished, which Java finishes through the JNI calls.
 */

/*
 * A critical downcall enters C without the JNI stub's vzeroupper: where the JIT left wide vector
 * registers in use, every SSE instruction of this code and of the MPI library would pay for it
 * (measured: 8 B one-way 0.75 against 0.42 us with them cleared here).
 */
static inline void clear_upper_vectors(void) {
#if defined(__x86_64__)
    static int avx = -1;
    if (avx < 0) {
        avx = __builtin_cpu_supports("avx");
    }
    if (avx) {
        __asm__ volatile("vzeroupper" ::: "memory");
    }
#endif
}

/* A request that outlived its direct call: copied out of the caller's stack for MpiNative.complete. */
static int64_t left_pending(MPI_Request request) {
    rrequest *r = malloc(sizeof(rrequest));
    r->request = request;
    return (int64_t) (intptr_t) r;
}

/*
 * Sends a non-synchronous message that fits staging (header + count elements of array from
 * offset). Returns MPI's code; *pending is 0 when the send completed within spins tests, else a
 * request record for MpiNative.complete (staging must stay untouched until then).
 */
int ranks_direct_send(int64_t comm, int dest, int tag, int type, const char *array, int offset, int count,
                      int64_t staging, int spins, int64_t *pending) {
    char *buffer = (char *) (intptr_t) staging;
    int bytes = count * element_bytes[type], done = 0, rc;
    MPI_Request request;
    clear_upper_vectors();
    *pending = 0;
    put_header(buffer, KIND_INLINE, type, count);
    memcpy(buffer + HEADER, array + (size_t) offset * element_bytes[type], bytes);
    rc = MPI_Isend(buffer, HEADER + bytes, MPI_BYTE, dest, tag, comm_of(comm), &request);
    for (int i = 0; rc == MPI_SUCCESS && !done && i < spins; i++) {
        rc = MPI_Test(&request, &done, MPI_STATUS_IGNORE);
    }
    if (rc == MPI_SUCCESS && !done) {
        *pending = left_pending(request);
    }
    return rc;
}

/*
 * Receives into an array whose room (capacity elements) fits staging: posts the receive into
 * staging and tests it up to spins times. Done, it copies the elements in (when the header says
 * they are of the expected type and fit), fills st as MpiNative.recv does, sets *pending to 0 and
 * returns MPI's code. Not done, it sets *pending to the request record, which Java completes
 * through MpiNative.complete and copies in from staging.
 */
int ranks_direct_recv(int64_t comm, int source, int tag, int type, char *array, int offset, int capacity,
                      int64_t staging, int stagingBytes, int32_t *st, int spins, int64_t *pending) {
    char *buffer = (char *) (intptr_t) staging;
    MPI_Status status;
    MPI_Request request;
    int done = 0, rc;
    int64_t count;
    clear_upper_vectors();
    *pending = 0;
    memset(&status, 0, sizeof status);
    /* A library that truncates a message may deliver none of it (MPICH): mark the header unread. */
    put_header(buffer, -1, -1, -1);
    rc = MPI_Irecv(buffer, stagingBytes, MPI_BYTE, source, tag, comm_of(comm), &request);
    if (rc != MPI_SUCCESS) {
        fill_status(st, &status, NULL, rc);
        return rc;
    }
    for (int i = 0; rc == MPI_SUCCESS && !done && i < spins; i++) {
        rc = MPI_Test(&request, &done, &status);
    }
    if (rc == MPI_SUCCESS && !done) {
        *pending = left_pending(request);
        return MPI_SUCCESS;
    }
    if (rc != MPI_SUCCESS && !truncated(rc)) {
        fill_status(st, &status, NULL, rc);
        return rc;
    }
    count = deliverable(buffer, type, capacity);
    if (rc == MPI_SUCCESS && count >= 0) {
        memcpy(array + (size_t) offset * element_bytes[type], buffer + HEADER, (size_t) count * element_bytes[type]);
    }
    fill_status(st, &status, buffer, rc);
    return MPI_SUCCESS;
}

/*
 * MPI_Allreduce (root < 0) or MPI_Reduce of a vector of at most SMALL_REDUCTION bytes straight
 * between the Java arrays; recv is send where the caller has none (hasRecv 0: a reduce's
 * non-root). The one direct call that waits for as long as MPI takes: a collective cannot be
 * tested a bounded number of times without the library's much slower non-blocking schedule. Java
 * makes it only where no other thread of the rank calls MPI (MPI_THREAD_SERIALIZED), so nothing
 * the rank's peers wait for can be held up behind the safepoint it defers (docs/mpi.md).
 */
int ranks_direct_reduce(int64_t comm, int root, int type, int op, const char *send, int sendOffset, char *recv,
                        int recvOffset, int count, int hasRecv) {
    const void *in = send + (size_t) sendOffset * element_bytes[type];
    void *out = recv + (size_t) recvOffset * element_bytes[type];
    clear_upper_vectors();
    return reduce_buffers(comm, root, type, op, in, out, count, hasRecv && in == out);
}
#endif
