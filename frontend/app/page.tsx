import App from '@/components/App';

/** The only page: exported as out/index.html and served for every view path. */
export default function Page() {
  return <App />;
}
