import App from '@/components/App';
import Providers from '@/components/Providers';

/** The only page: exported as out/index.html and served for every view path. */
export default function Page() {
  return (
    <Providers>
      <App />
    </Providers>
  );
}
