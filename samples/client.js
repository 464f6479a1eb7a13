// A fake API client: the tokens are samples signed with "sample-secret-do-not-use".
const ACCESS_TOKEN = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLTEyMzQiLCJuYW1lIjoiQWRhIExvdmVsYWNlIiwiZW1haWwiOiJhZGFAZXhhbXBsZS5jb20iLCJyb2xlcyI6WyJhZG1pbiIsImVkaXRvciJdLCJleHAiOjQwNzA5MDg4MDB9.k_M56C2FlV2cWU0QUyLV9iNYT6a8mr0_nWVysQ2kVII';

async function getOrders(fetchImpl = fetch) {
  const response = await fetchImpl('https://api.example.com/v1/orders', {
    headers: { Authorization: `Bearer ${ACCESS_TOKEN}` },
  });
  return response.json();
}

const expiredToken = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJodHRwczovL2F1dGguZXhhbXBsZS5jb20iLCJhdWQiOiJqd3QtdG9vbGtpdC1zYW1wbGVzIiwiaWF0IjoxNzA0MDY3MjAwLCJzdWIiOiJ1c2VyLTU2NzgiLCJuYW1lIjoiQ2hhcmxlcyBCYWJiYWdlIiwiZXhwIjoxNzA0MTUzNjAwfQ.P7zTxnB38vt_tUTLpWZ1eWdP6hyZ4taXhfSVqNXoouA";

module.exports = { getOrders, expiredToken };
